//! The person's dated to-do list (CONTRACT "actions"): what to do, from when, by when
//! and whom to call, turning SN-4, SN-6, SN-10, SN-13 … SN-15, AU-3, AU-6 and AU-7 into
//! steps. Contacts (phone numbers, menus, hours, closed days) are rule data.

use crate::billing::Billed;
use crate::calendar::{add_days, add_months, last_desk_open_day, Month};
use crate::campaign::{CampaignOutcome, Method, RefundKind};
use crate::context::Ctx;
use crate::error::CalcError;
use crate::exit::ExitPlan;
use crate::input::{Channel, Customer, Payment, Removal, Scenario};
use crate::lang::yen;
use chrono::NaiveDate;
use crate::json_out::{Obj, ToJson};

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Contact {
    pub name: String,
    pub phone: Option<String>,
    pub menu: Option<String>,
    pub hours: Option<String>,
    pub closed: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    pub kind: &'static str,
    pub rule: &'static str,
    pub date: Option<NaiveDate>,
    pub from: Option<NaiveDate>,
    pub by: Option<NaiveDate>,
    pub contact: Option<Contact>,
    pub text: String,
}

/// The order of CONTRACT's table, for ties.
const ORDER: [&str; 14] = [
    "request-switch-number",
    "apply-exit",
    "tell-keep-number",
    "analog-return",
    "removal-visit",
    "register-contact-email",
    "uninstall-security-software",
    "pay-slip",
    "print-statement",
    "keep-login",
    "get-au-pay-card",
    "mail-au-application",
    "claim-money-order",
    "drop-option-pack",
];


/// Reads a contact (`contact.<which>.name/phone/menu/hours/closed`) from the provider's
/// rules; `None` when the provider's data has no such contact.
fn contact(s: &Scenario, which: &str, cx: &mut Ctx) -> Result<Option<Contact>, CalcError> {
    let r = s.current.rules;
    let at = s.application_date;
    let lang = cx.lang;
    let get = |field: &str, cx: &mut Ctx| -> Result<Option<String>, CalcError> {
        let key = format!("contact.{which}.{field}");
        if r.has(&key) {
            Ok(Some(r.text(&key, at, &mut cx.trace, lang)?.to_string()))
        } else {
            Ok(None)
        }
    };
    let Some(name) = get("name", cx)? else { return Ok(None) };
    Ok(Some(Contact { name, phone: get("phone", cx)?, menu: get("menu", cx)?, hours: get("hours", cx)?, closed: get("closed", cx)? }))
}

pub fn build(s: &Scenario, plan: &ExitPlan, billed: &[Billed], camp: Option<&CampaignOutcome>, cx: &mut Ctx) -> Result<Vec<Action>, CalcError> {
    let c = &s.current;
    let a = plan.window.a;
    let lang = cx.lang;
    let mut out: Vec<Action> = Vec::new();
    let mut push = |kind: &'static str, rule: &'static str, date, from, by, contact, ja: String, en: String| {
        out.push(Action { kind, rule, date, from, by, contact, text: lang.say(ja, en) });
    };
    let x = plan.chosen;
    let p = c.short_name(lang);
    // The to-do "by" of the exit request, which telling So-net to keep the number shares.
    let mut apply_by = None;

    if c.channel == Channel::ProviderSwitch {
        let sw = c.switch_date.unwrap_or(a);
        let k = contact(s, "switch", cx)?;
        push("request-switch-number", "SN-4", Some(a), None, add_days(sw, -1), k, format!("{p}に電話して事業者変更承諾番号をもらいます（約2時間後にメール/SMSで届きます）。新しい事業者の開通日 {sw} の前日までに、その番号で新しい事業者に申し込みます。"), format!("Call {p} for the switch approval number (it arrives by e-mail/SMS about two hours later), then apply to the new provider with it before the opening day {sw}."));
    } else {
        let (by, k) = match (c.customer, c.channel) {
            (Customer::Corporate, Channel::Paper) => {
                let cutoff = c.rules.int("exit.corporate-paper-cutoff-day", a, &mut cx.trace)?.clamp(1, 31) as u32;
                (x.day(cutoff).or(x.last_day()), contact(s, "corporate", cx)?)
            }
            (Customer::Corporate, _) => (last_desk_open_day(x), contact(s, "corporate", cx)?),
            (_, Channel::Phone) => (x.last_day(), contact(s, "exit", cx)?),
            (_, Channel::Chat) => (x.last_day(), contact(s, "chat", cx)?),
            (_, Channel::Line) => (x.last_day(), contact(s, "line", cx)?),
            _ => (x.last_day(), contact(s, "web", cx)?),
        };
        let by = match (by, plan.removal_deadline) {
            (Some(b), Some(r)) => Some(b.min(r)),
            (b, _) => b,
        };
        let how = match (c.customer, c.channel) {
            (Customer::Corporate, Channel::Paper) => ("電話で書面を取り寄せ、記入して郵送します（到着日が申請日です）。", "Ask for the paper form by phone, fill it in and mail it (its arrival day is the application date)."),
            (Customer::Corporate, _) => ("法人窓口に電話で退会を申し込みます。", "Call the corporate desk to apply for the exit."),
            (_, Channel::Phone) => ("サポートデスクに電話で退会を申し込みます。", "Call the support desk to apply for the exit."),
            (_, Channel::Chat) => ("チャットで退会を申し込みます。", "Apply for the exit by chat."),
            (_, Channel::Line) => ("LINEで会員情報を連携してから退会を申し込みます。", "Link your member information on LINE, then apply for the exit."),
            _ => ("WebでユーザーIDとパスワードでログインして退会を申し込みます（忘れた場合は電話認証で再発行できます）。", "Log in on the web with your user ID and password and apply for the exit (forgotten ones can be recovered by phone authentication)."),
        };
        apply_by = by;
        push("apply-exit", "SN-14", Some(a), None, by, k, format!("{}{x}末で退会するための期限です。", how.0), format!("{} This is the last day that still gives exit at the end of {x}.", how.1));
    }

    if c.phone.keep_number && c.phone.from_ntt_analog && c.channel != Channel::ProviderSwitch {
        push("tell-keep-number", "SN-6", Some(a), None, apply_by, None, "退会の申し込みで「電話番号を残す」と伝えます。".into(), "When applying, say that you want to keep the phone number.".into());
        let k = contact(s, "analog", cx)?;
        push("analog-return", "SN-6", None, Some(a), plan.analog_deadline, k, "NTTに電話して番号をアナログ回線に戻してもらいます。期限を過ぎると番号は失われます。".into(), "Call NTT to return the number to an analog line; after the deadline the number is lost.".into());
    }
    if c.removal != Removal::None {
        if let Some(d) = plan.removal_date {
            push("removal-visit", "SN-5", Some(d), None, None, None, "NTTの撤去工事（無料）に立ち会い、モデムを作業員に渡します。".into(), "Be present for NTT's removal visit (free) and hand the modem to the technician.".into());
        }
    }
    let last = plan.last_service_day;
    push("register-contact-email", "SN-10", None, None, Some(last), None, "マイページに連絡先メールアドレスを登録します。退会完了メールは明細書以外で唯一の退会の証明です。".into(), "Register a contact e-mail address on MyPage: the completion e-mail is the only proof of exit besides the statement.".into());
    push("uninstall-security-software", "SN-15", None, None, Some(last), None, format!("{p}のセキュリティソフトをアンインストールしてから、新しいものを入れます。オプションサービスは退会で終わります。"), format!("Uninstall {p}'s security software before installing another; optional services end with the exit."));

    if c.payment == Payment::ConvenienceStore {
        let mut months: Vec<Month> = billed.iter().filter(|b| b.charge.amount > 0).map(|b| b.billed_month).collect();
        crate::lang::sort_by_key(&mut months, |m| *m);
        months.dedup();
        for m in months {
            let total: i64 = billed.iter().filter(|b| b.billed_month == m).map(|b| b.charge.amount).sum();
            let due = billed.iter().find(|b| b.billed_month == m).and_then(|b| b.due);
            push("pay-slip", "SN-12", None, m.first_day(), due, None, format!("{m}分の払込票（{}円）をコンビニで払います。期限を1日でも過ぎると使えません。", yen(total)), format!("Pay the {m} slip ({} yen) at a convenience store; a day late and it can no longer be used.", yen(total)));
        }
    }
    let completion_month = Month::of(plan.completion_date);
    if billed.iter().any(|b| b.charge.month == completion_month && b.charge.amount > 0) {
        let from = completion_month.plus(1).first_day();
        push("print-statement", "SN-10", None, from, Some(plan.mypage_until), None, "マイページから違約金明細書を無料で印刷します（電話で頼むと3,300円）。auひかりの申請に使います。".into(), "Print the fee statement from MyPage for free (3,300 yen if requested by phone); the au Hikari application needs it.".into());
    }
    push("keep-login", "SN-13", None, None, Some(plan.mypage_until), None, "マイページが閉じるまでユーザーIDとパスワードを保管します。".into(), "Keep the user ID and password until MyPage closes.".into());

    if let Some(k) = camp {
        let pays = k.refunds.iter().any(|r| r.amount > 0);
        if k.refunds.iter().any(|r| r.amount > 0 && r.method == Method::AuWallet) {
            push("get-au-pay-card", "AU-6", None, None, Some(k.acceptance), None, "au WALLET（au PAY）カードを用意します。還元はこのカードにチャージされます。".into(), "Get an au WALLET (au PAY) card: the refund is charged to it.".into());
        }
        if pays {
            push("mail-au-application", "AU-7", None, Some(k.earliest_acceptance), Some(k.application_deadline), None, "共通申込書と、名前・住所・サービス名・金額・請求年月が載った明細書のコピーをKDDIに郵送します。".into(), "Mail KDDI the common form with copies of the fee statements showing name, address, service, amount and billed year-month.".into());
        }
        if let Some(r) = k.refunds.iter().find(|r| r.method == Method::PostalMoneyOrder && r.amount > 0 && matches!(r.kind, RefundKind::FeeRefundCash | RefundKind::PlusCashback)) {
            push("claim-money-order", "AU-6", None, r.earliest, None, None, "郵便為替が届いたら受け取ります。不在で戻った為替は1ヶ月以内に受け取らないと失効します。".into(), "Collect the postal money order; one returned undelivered must be claimed within one month or it lapses.".into());
        }
        let fee_or_plus = k.refunds.iter().any(|r| r.amount > 0 && r.kind != RefundKind::MobileRefund);
        if fee_or_plus {
            let mut from: Option<NaiveDate> = None;
            for r in &k.refunds {
                let d = match r.kind {
                    RefundKind::FeeRefundCash | RefundKind::PlusCashback => r.latest.and_then(|l| l.succ_opt()),
                    RefundKind::FeeRefundMonthly => r.latest_first_month.map(|m| m.plus(r.months.unwrap_or(1) as i32)).and_then(Month::first_day),
                    _ => None,
                };
                from = from.max(d);
            }
            if k.rules.has("plus.discount") {
                let d = s.destination.as_ref().map(|d| d.start_date).and_then(|d| add_months(d, 12));
                from = from.max(d);
            }
            push("drop-option-pack", "AU-3", None, from.or(Some(k.earliest_acceptance)), None, None, "還元がすべて済んだら、期間のない電話オプションパックは外せます。".into(), "Once every refund has arrived, the option pack (no term) can be dropped.".into());
        }
    }
    let key = |x: &Action| (x.date.or(x.from).or(x.by), ORDER.iter().position(|k| *k == x.kind).unwrap_or(ORDER.len()));
    crate::lang::sort_by_key(&mut out, key);
    Ok(out)
}

impl ToJson for Contact {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).f("name", &self.name).opt("phone", &self.phone).opt("menu", &self.menu).opt("hours", &self.hours).opt("closed", &self.closed).end();
    }
}

impl ToJson for Action {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("kind", self.kind)
            .f("rule", self.rule)
            .f("date", &self.date)
            .f("from", &self.from)
            .f("by", &self.by)
            .opt("contact", &self.contact)
            .f("text", &self.text)
            .end();
    }
}
