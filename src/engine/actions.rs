//! The person's dated to-do list (CONTRACT "actions"): what to do, from when, by when
//! and whom to call, turning SN-4, SN-6, SN-10, SN-13 … SN-15, AU-3, AU-6 and AU-7 into
//! steps. Contacts (phone numbers, menus, hours, closed days) are rule data.

use crate::calendar::{add_days, add_months, last_desk_open_day, Month};
use crate::engine::billing::Billed;
use crate::engine::campaign::{CampaignOutcome, Method, RefundKind};
use crate::engine::context::Ctx;
use crate::engine::exit::{ExitPlan, Shift};
use crate::error::CalcError;
use crate::input::{Channel, Customer, Payment, Removal, Scenario};
use crate::text::yen;
use crate::wire::json_out::{Obj, ToJson};
use chrono::NaiveDate;

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
    Ok(Some(Contact {
        name,
        phone: get("phone", cx)?,
        menu: get("menu", cx)?,
        hours: get("hours", cx)?,
        closed: get("closed", cx)?,
    }))
}

/// The provider's own words for `key` (optional rule data, read on the application date).
fn words(s: &Scenario, key: &str, cx: &mut Ctx) -> Result<Option<String>, CalcError> {
    Ok(s.current.rules.words(key, s.application_date, &mut cx.trace, cx.lang)?.map(str::to_string))
}

pub fn build(
    s: &Scenario,
    plan: &ExitPlan,
    billed: &[Billed],
    camp: Option<&CampaignOutcome>,
    cx: &mut Ctx,
) -> Result<Vec<Action>, CalcError> {
    let c = &s.current;
    let a = plan.window.a;
    let lang = cx.lang;
    let mut out: Vec<Action> = Vec::new();
    let mut push = |kind: &'static str,
                    rule: &'static str,
                    date,
                    from,
                    by,
                    contact,
                    ja: String,
                    en: String| {
        out.push(Action { kind, rule, date, from, by, contact, text: lang.say(ja, en) });
    };
    let x = plan.chosen;
    let p = c.short_name(lang);
    // The to-do "by" of the exit request, which telling So-net to keep the number shares.
    let mut apply_by = None;

    if c.channel == Channel::ProviderSwitch {
        let sw = c.switch_date.unwrap_or(a);
        let k = contact(s, "switch", cx)?;
        let arrives = words(s, "switch.number-arrives", cx)?.unwrap_or_default();
        push("request-switch-number", "SN-4", Some(a), None, add_days(sw, -1), k, format!("{p}に事業者変更承諾番号を申し込みます。{arrives}新しい事業者の開通日 {sw} の前日までに、その番号で新しい事業者に申し込みます。"), format!("Ask {p} for the switch approval number. {arrives} Then apply to the new provider with it before the opening day {sw}."));
    } else {
        let (by, k) = match (c.customer, c.channel) {
            (Customer::Corporate, Channel::Paper) => {
                let cutoff =
                    c.rules.int("exit.corporate-paper-cutoff-day", a, &mut cx.trace)?.clamp(1, 31)
                        as u32;
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
        // How to apply: the provider's own words where its data has them, else general ones.
        let own = match (c.customer, c.channel) {
            (Customer::Corporate, Channel::Paper) => words(s, "exit.how.paper", cx)?,
            (_, Channel::Web) => words(s, "exit.how.web", cx)?,
            (_, Channel::Line) => words(s, "exit.how.line", cx)?,
            _ => None,
        };
        let general = match (c.customer, c.channel) {
            (_, Channel::Paper) => (
                "書面で退会を申し込みます（到着日が申請日です）。",
                "Apply for the exit in writing (its arrival day is the application date).",
            ),
            (Customer::Corporate, _) => (
                "法人窓口に電話で退会を申し込みます。",
                "Call the corporate desk to apply for the exit.",
            ),
            (_, Channel::Phone) => (
                "サポートデスクに電話で退会を申し込みます。",
                "Call the support desk to apply for the exit.",
            ),
            (_, Channel::Chat) => ("チャットで退会を申し込みます。", "Apply for the exit by chat."),
            (_, Channel::Line) => ("LINEで退会を申し込みます。", "Apply for the exit on LINE."),
            _ => ("Webで退会を申し込みます。", "Apply for the exit on the web."),
        };
        let how_text = own.unwrap_or_else(|| lang.pick(general.0, general.1).to_string());
        let how = (how_text.as_str(), how_text.as_str());
        apply_by = by;
        // `by` is the chosen month's last day (CONTRACT); when a shift moved the exit, the
        // words say that month can no longer be had, why, and which month the exit is.
        let m = plan.month;
        let (ja, en) = match (plan.shifted_by, plan.removal_date, c.phone.analog_return_date) {
            (Some(Shift::Removal), Some(d), _) => (
                format!("{}撤去工事が{d}のため{x}末の退会には間に合わず、退会は{m}末になります。", how.0),
                format!("{} With removal on {d}, the end of {x} can no longer be reached: the exit is at the end of {m}.", how.1),
            ),
            (Some(Shift::AnalogReturn), _, Some(d)) => (
                format!("{}アナログ戻しの完了（{d}）を待つため{x}末には退会できず、退会は{m}末になります。", how.0),
                format!(
                    "{} The exit waits for the analog return ({d}), so it cannot be at the end of {x}: it is at the end of {m}.",
                    how.1
                ),
            ),
            // Paper counts on its arrival: the deadline is the day it must arrive by.
            _ if c.channel == Channel::Paper => match by {
                Some(b) => (
                    format!("{}{b}までに届けば{x}末で退会できます。", how.0),
                    format!("{} If it arrives by {b}, the exit is at the end of {x}.", how.1),
                ),
                None => (how.0.to_string(), how.1.to_string()),
            },
            _ => (
                format!("{}{x}末で退会するための期限です。", how.0),
                format!("{} This is the last day that still gives exit at the end of {x}.", how.1),
            ),
        };
        push("apply-exit", "SN-14", Some(a), None, by, k, ja, en);
        let way = (
            crate::input::way_name(c.channel.code(), true),
            crate::input::way_name(c.channel.code(), false),
        );
        cx.explain(
            "SN-14",
            || format!("{p}への退会の申し込みは{}で行います（連絡先は、分かっている範囲でやることリストに載せています）。", way.0),
            || format!("The exit request to {p} is made by {} (contacts, where known, are in the to-do list).", way.1),
        );
    }

    if c.phone.keep_number && c.phone.from_ntt_analog && c.channel != Channel::ProviderSwitch {
        push(
            "tell-keep-number",
            "SN-6",
            Some(a),
            None,
            apply_by,
            None,
            "退会の申し込みで「電話番号を残す」と伝えます。".into(),
            "When applying, say that you want to keep the phone number.".into(),
        );
        let k = contact(s, "analog", cx)?;
        push("analog-return", "SN-6", None, Some(a), plan.analog_deadline, k, format!("NTTに電話して番号をアナログ回線に戻してもらいます。戻しが済むまで退会は完了しないので、{x}末に退会するなら必ず{x}末までに終えてください。遅れると退会はその月まで延び、期限を過ぎると番号は失われます。"), format!("Call NTT to return the number to an analog line. The exit cannot complete before it: to leave at the end of {x}, finish it by then. Later, the exit moves to that month; after the deadline the number is lost."));
    }
    if c.removal != Removal::None {
        if let Some(d) = plan.removal_date {
            push(
                "removal-visit",
                "SN-5",
                Some(d),
                None,
                None,
                None,
                "NTTの撤去工事（無料）に立ち会い、モデムを作業員に渡します。".into(),
                "Be present for NTT's removal visit (free) and hand the modem to the technician."
                    .into(),
            );
        }
    }
    let last = plan.last_service_day;
    let email = words(s, "proof.contact-email", cx)?;
    push(
        "register-contact-email",
        "SN-10",
        None,
        None,
        Some(last),
        None,
        email.clone().unwrap_or_else(|| format!("{p}からの退会完了の連絡を受け取れるよう、連絡先のメールアドレスを確かめておきます。")),
        email.unwrap_or_else(|| format!("Make sure {p} has an e-mail address where its exit confirmation reaches you.")),
    );
    push(
        "uninstall-security-software",
        "SN-15",
        None,
        None,
        Some(last),
        None,
        format!("{p}のセキュリティソフトをアンインストールしてから、新しいものを入れます。オプションサービスは退会で終わります。"),
        format!("Uninstall {p}'s security software before installing another; optional services end with the exit."),
    );

    if c.payment == Payment::ConvenienceStore {
        let mut months: Vec<Month> =
            billed.iter().filter(|b| b.charge.amount > 0).map(|b| b.billed_month).collect();
        crate::text::sort_by_key(&mut months, |m| *m);
        months.dedup();
        for m in months {
            let total: i64 =
                billed.iter().filter(|b| b.billed_month == m).map(|b| b.charge.amount).sum();
            let due = billed.iter().find(|b| b.billed_month == m).and_then(|b| b.due);
            // Named as the charges table names it: the usage month, and the billed month the slip comes in.
            let usage =
                billed.iter().find(|b| b.billed_month == m).map(|b| b.charge.month).unwrap_or(m);
            push(
                "pay-slip",
                "SN-12",
                None,
                m.first_day(),
                due,
                None,
                format!("{usage}分（{m}に届く払込票）の{}円をコンビニで払います。期限を1日でも過ぎると使えません。", yen(total)),
                format!(
                    "Pay the slip for {usage} (it comes in {m}), {} yen, at a convenience store; a day late and it can no longer be used.",
                    yen(total)
                ),
            );
        }
    }
    let completion_month = Month::of(plan.completion_date);
    if billed.iter().any(|b| b.charge.month == completion_month && b.charge.amount > 0) {
        let from = completion_month.plus(1).first_day();
        let how = words(s, "statement.how", cx)?.unwrap_or_else(|| {
            lang.say(
                format!("{p}の契約解除料などが載った明細書（請求書）を保管します。"),
                format!(
                    "Keep {p}'s statement showing the cancellation fee and other exit charges."
                ),
            )
        });
        let fee = c.rules.int_if("statement.fee", c.contract_date, &mut cx.trace)?;
        let (fj, fe) = fee
            .filter(|f| *f > 0)
            .map(|f| {
                (
                    format!("電話などで頼むと{}円かかります。", yen(f)),
                    format!(" Asked for by phone, it costs {} yen.", yen(f)),
                )
            })
            .unwrap_or_default();
        let pays = camp.is_some_and(|k| {
            k.refunds.iter().any(|r| r.amount > 0 && r.kind != RefundKind::MobileRefund)
        });
        let (uj, ue) = if pays {
            ("auひかりの申請に使います。", " The au Hikari application needs it.")
        } else {
            ("", "")
        };
        push(
            "print-statement",
            "SN-10",
            None,
            from,
            Some(plan.mypage_until),
            None,
            format!("{how}{fj}{uj}"),
            format!("{how}{fe}{ue}"),
        );
    }
    let keep = words(s, "mypage.keep-login", cx)?;
    push(
        "keep-login",
        "SN-13",
        None,
        None,
        Some(plan.mypage_until),
        None,
        keep.clone().unwrap_or_else(|| {
            format!("{p}の会員ページが閉じるまで、ログインのIDとパスワードを保管します。")
        }),
        keep.unwrap_or_else(|| format!("Keep the login for {p}'s member pages until they close.")),
    );

    if let Some(k) = camp {
        let pays = k.refunds.iter().any(|r| r.amount > 0);
        if k.refunds.iter().any(|r| r.amount > 0 && r.method == Method::AuWallet) {
            push(
                "get-au-pay-card",
                "AU-6",
                None,
                None,
                Some(k.acceptance),
                None,
                "au WALLET（au PAY）カードを用意します。還元はこのカードにチャージされます。"
                    .into(),
                "Get an au WALLET (au PAY) card: the refund is charged to it.".into(),
            );
        }
        if pays {
            let form = k
                .rules
                .words("application.form", k.acceptance, &mut cx.trace, lang)?
                .unwrap_or(lang.pick("申請書", "the application form"));
            push(
                "mail-au-application",
                "AU-7",
                None,
                Some(k.earliest_acceptance),
                Some(k.application_deadline),
                None,
                format!("{form}と、名前・住所・サービス名・金額・請求年月が載った明細書のコピーをKDDIに郵送します。"),
                format!("Mail KDDI {form} with copies of the fee statements showing name, address, service, amount and billed year-month."),
            );
        }
        if let Some(r) = k.refunds.iter().find(|r| {
            r.method == Method::PostalMoneyOrder
                && r.amount > 0
                && matches!(r.kind, RefundKind::FeeRefundCash | RefundKind::PlusCashback)
        }) {
            push(
                "claim-money-order",
                "AU-6",
                None,
                r.earliest,
                None,
                None,
                "郵便為替が届いたら受け取ります。不在で戻った為替は1か月以内に受け取らないと失効します。".into(),
                "Collect the postal money order; one returned undelivered must be claimed within one month or it lapses.".into(),
            );
        }
        let fee_or_plus =
            k.refunds.iter().any(|r| r.amount > 0 && r.kind != RefundKind::MobileRefund);
        if fee_or_plus {
            let mut from: Option<NaiveDate> = None;
            for r in &k.refunds {
                let d = match r.kind {
                    RefundKind::FeeRefundCash | RefundKind::PlusCashback => {
                        r.latest.and_then(|l| l.succ_opt())
                    }
                    RefundKind::FeeRefundMonthly => r
                        .latest_first_month
                        .map(|m| m.plus(r.months.unwrap_or(1) as i32))
                        .and_then(Month::first_day),
                    _ => None,
                };
                from = from.max(d);
            }
            if k.rules.has("plus.discount") {
                let d =
                    s.destination.as_ref().map(|d| d.start_date).and_then(|d| add_months(d, 12));
                from = from.max(d);
            }
            cx.explain(
                "AU-3",
                || "電話オプションパックには契約期間がないため、還元がすべて済んだら外せます。".into(),
                || "The phone option pack has no term: once every refund has arrived it can be dropped.".into(),
            );
            push(
                "drop-option-pack",
                "AU-3",
                None,
                from.or(Some(k.earliest_acceptance)),
                None,
                None,
                "還元がすべて済んだら、期間のない電話オプションパックは外せます。".into(),
                "Once every refund has arrived, the option pack (no term) can be dropped.".into(),
            );
        }
    }
    let key = |x: &Action| {
        (x.date.or(x.from).or(x.by), ORDER.iter().position(|k| *k == x.kind).unwrap_or(ORDER.len()))
    };
    crate::text::sort_by_key(&mut out, key);
    Ok(out)
}

impl ToJson for Contact {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("name", &self.name)
            .opt("phone", &self.phone)
            .opt("menu", &self.menu)
            .opt("hours", &self.hours)
            .opt("closed", &self.closed)
            .end();
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
