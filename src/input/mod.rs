//! The input of CONTRACT.md, read and checked field by field: every problem is
//! reported at once, each with its dotted field path, a stable code and a reason in
//! Japanese and English. Only type, range and per-field checks live here (plus the
//! combinations that need no calculation); checks that need a computed date (the exit
//! window, the earliest removal or acceptance date) are made where that date is computed.

use crate::calendar::{parse_date, Month};
use crate::error::{ErrorCode as C, InputError};
use crate::rules::Rules;
use crate::text::Lang;
use crate::wire::json::Json;
use chrono::{Datelike, NaiveDate};

/// Amounts: whole yen from 0 to this (CONTRACT "Limits and types").
pub const MAX_AMOUNT: i64 = 10_000_000;
pub const MAX_STRING: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Building {
    Home,
    Mansion,
}
impl Building {
    pub fn code(self) -> &'static str {
        match self {
            Building::Home => "home",
            Building::Mansion => "mansion",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Customer {
    Individual,
    Corporate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Phone,
    Web,
    Chat,
    Line,
    Paper,
    ProviderSwitch,
}
impl Channel {
    pub fn code(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Web => "web",
            Channel::Chat => "chat",
            Channel::Line => "line",
            Channel::Paper => "paper",
            Channel::ProviderSwitch => "provider-switch",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    East,
    West,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removal {
    None,
    Requested,
    Landlord,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payment {
    CreditCard,
    BankDebit,
    ConvenienceStore,
    Ntt,
    Cedyna,
    Usen,
}
impl Payment {
    pub fn code(self) -> &'static str {
        match self {
            Payment::CreditCard => "credit-card",
            Payment::BankDebit => "bank-debit",
            Payment::ConvenienceStore => "convenience-store",
            Payment::Ntt => "ntt",
            Payment::Cedyna => "cedyna",
            Payment::Usen => "usen",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Statement {
    MyPage,
    Request,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Campaign {
    StartSupport,
    StartSupportPlus,
    None,
}
impl Campaign {
    pub fn code(self) -> &'static str {
        match self {
            Campaign::StartSupport => "start-support",
            Campaign::StartSupportPlus => "start-support-plus",
            Campaign::None => "none",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    ZuttoGigaToku,
    Standard,
    OtokuA,
}
impl Plan {
    pub fn from_code(code: &str) -> Option<Plan> {
        [Plan::ZuttoGigaToku, Plan::Standard, Plan::OtokuA].into_iter().find(|p| p.code() == code)
    }
    /// The plan's name as KDDI writes it (ja) or in English.
    pub fn name(self, ja: bool) -> &'static str {
        match (self, ja) {
            (Plan::ZuttoGigaToku, true) => "ずっとギガ得プラン",
            (Plan::ZuttoGigaToku, false) => "the Zutto Giga Toku plan",
            (Plan::Standard, true) => "標準プラン",
            (Plan::Standard, false) => "the standard plan",
            (Plan::OtokuA, true) => "お得プランA",
            (Plan::OtokuA, false) => "the Otoku Plan A",
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Plan::ZuttoGigaToku => "zutto-giga-toku",
            Plan::Standard => "standard",
            Plan::OtokuA => "otoku-a",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefundMethod {
    AuWallet,
    PostalMoneyOrder,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Construction {
    pub monthly_installment: i64,
    pub installments: i64,
    pub first_month: Option<Month>,
    /// The first installment when it differs (2,200 then 1,100 × 22 for contracts
    /// from 2022-07); default `monthly_installment`.
    pub first_installment: Option<i64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cashback {
    pub amount: i64,
    pub minimum_months: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Phone {
    pub keep_number: bool,
    pub from_ntt_analog: bool,
    pub analog_return_date: Option<NaiveDate>,
}

#[derive(Clone, Debug)]
pub struct Current {
    pub rules: Rules,
    pub service_start: NaiveDate,
    pub contract_date: NaiveDate,
    /// Whether `contractDate` was given (else it is `serviceStart`).
    pub contract_given: bool,
    pub building: Building,
    pub customer: Customer,
    pub channel: Channel,
    pub exit_month: Option<Month>,
    pub switch_date: Option<NaiveDate>,
    pub region: Region,
    pub removal: Removal,
    pub removal_date: Option<NaiveDate>,
    pub monthly_fee: i64,
    pub construction: Option<Construction>,
    pub cashback: Option<Cashback>,
    pub payment: Payment,
    pub phone: Phone,
    pub statement: Statement,
    /// The contract terms the user entered (`current.terms`), as rule values for the
    /// keys a provider lets the user enter (the `custom` provider's `user-terms`).
    pub terms: Vec<(&'static str, crate::rules::UserValue)>,
    /// The last day of service, for providers that prorate the exit month.
    pub exit_date: Option<NaiveDate>,
}

impl Current {
    /// How texts name the provider ("So-net", "今の事業者"): `provider.short-name`.
    pub fn short_name(&self, lang: Lang) -> &'static str {
        let named = self.rules.set.params.iter().find(|p| p.key == "provider.short-name");
        match named.map(|p| &p.value) {
            Some(crate::rules::Value::Text(t)) => lang.pick(t.ja, t.en),
            _ => lang.pick(self.rules.set.name.ja, self.rules.set.name.en),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Destination {
    pub campaign: Campaign,
    pub building: Building,
    pub plan: Plan,
    pub isp: Option<&'static str>,
    pub start_date: NaiveDate,
    pub with_phone_options: bool,
    /// `None`: take the current provider's `au-smart-value-ftth` flag (AU-2).
    pub source_excluded: Option<bool>,
    pub smart_value: bool,
    pub refund_method: RefundMethod,
    pub acceptance_date: Option<NaiveDate>,
    pub other_covered_fees: i64,
    pub mobile_lines: i64,
    /// The day the auひかり contract was applied for: picks the campaign version
    /// (issue 8); default `start_date`.
    pub application_date: NaiveDate,
    /// Covered by versions that list them (`covered.extra`): number portability and
    /// NTT phone-line construction fees.
    pub number_portability_fee: i64,
    pub ntt_line_construction_fee: i64,
}

#[derive(Clone, Debug)]
pub struct Scenario {
    pub lang: Lang,
    pub application_date: NaiveDate,
    pub current: Current,
    pub destination: Option<Destination>,
}

const ISPS: [&str; 7] = ["nifty", "tcom", "au-one-net", "biglobe", "so-net", "asahi-net", "dti"];

/// A channel's or payment method's name for people (the same words as the page's form).
pub fn way_name(code: &str, ja: bool) -> &str {
    match (code, ja) {
        ("phone", true) => "電話",
        ("phone", false) => "phone",
        ("web", _) => "Web",
        ("chat", true) => "チャット",
        ("chat", false) => "chat",
        ("line", _) => "LINE",
        ("paper", true) => "書面",
        ("paper", false) => "paper form",
        ("provider-switch", true) => "事業者変更",
        ("provider-switch", false) => "provider switch",
        ("credit-card", true) => "クレジットカード",
        ("credit-card", false) => "credit card",
        ("bank-debit", true) => "口座振替",
        ("bank-debit", false) => "bank debit",
        ("convenience-store", true) => "コンビニ払い",
        ("convenience-store", false) => "convenience store",
        ("ntt", true) => "NTT請求",
        ("ntt", false) => "NTT billing",
        ("cedyna", true) => "セディナ",
        ("cedyna", false) => "Cedyna",
        ("usen", _) => "USEN",
        (other, _) => other,
    }
}

/// The names of `codes` joined for people.
fn ways(codes: &[&str], ja: bool) -> String {
    let names: Vec<&str> = codes.iter().map(|c| way_name(c, ja)).collect();
    crate::text::join(&names, if ja { "、" } else { ", " })
}

/// An auひかり ISP code's name as the ISP writes it (the same in both languages but one).
pub fn isp_name(code: &str, ja: bool) -> &str {
    match code {
        "nifty" => "@nifty",
        "tcom" => "@T COM",
        "au-one-net" => "au one net",
        "biglobe" => "BIGLOBE",
        "so-net" => "So-net",
        "asahi-net" if ja => "ASAHIネット",
        "asahi-net" => "ASAHI Net",
        "dti" => "DTI",
        other => other,
    }
}

/// Field-by-field reader collecting every problem.
struct Reader {
    errors: Vec<InputError>,
}

fn describe(v: &Json) -> (String, String) {
    let two = |ja: &str, en: &str| (ja.to_string(), en.to_string());
    match v {
        Json::Str(s) => {
            let t = format!("\"{}\"", s.chars().take(20).collect::<String>());
            (t.clone(), t)
        }
        // Integers only: float formatting would cost kilobytes of wasm for a message.
        Json::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
            let t = crate::text::yen(*n as i64);
            (t.clone(), t)
        }
        Json::Num(_) => two("小数", "a fraction"),
        Json::Bool(b) => two(if *b { "はい" } else { "いいえ" }, if *b { "true" } else { "false" }),
        Json::Null => two("空", "null"),
        Json::Arr(_) => two("リスト", "a list"),
        Json::Obj(_) => two("まとまり", "an object"),
        Json::TooBig => two("大きすぎる値", "a value too large to read"),
    }
}

impl Reader {
    fn err(&mut self, field: &str, code: C, ja: String, en: String) {
        self.errors.push(InputError::new(field, code, ja, en));
    }

    fn missing(&mut self, field: &str) {
        self.err(field, C::Missing, "必須の項目です。".into(), "this field is required.".into());
    }

    /// A string no longer than MAX_STRING, or an `out-of-range` error.
    fn fits<'a>(&mut self, field: &str, s: &'a str) -> Option<&'a str> {
        if crate::text::char_count(s) > MAX_STRING {
            self.err(
                field,
                C::OutOfRange,
                format!("{MAX_STRING}文字を超えています。"),
                format!("longer than {MAX_STRING} characters."),
            );
            None
        } else {
            Some(s)
        }
    }

    fn date(&mut self, v: Option<&Json>, field: &str, required: bool) -> Option<NaiveDate> {
        match v {
            None | Some(Json::Null) => {
                if required {
                    self.missing(field)
                }
                None
            }
            Some(Json::Str(s)) => {
                let s = self.fits(field, s)?;
                match parse_date(s) {
                    Some(d) if (2000..=2100).contains(&d.year()) => Some(d),
                    Some(_) => {
                        self.err(
                            field,
                            C::OutOfRange,
                            format!("{s} は対象外の年です（2000〜2100年）。"),
                            format!("{s} is outside the years 2000–2100."),
                        );
                        None
                    }
                    None => {
                        self.err(
                            field,
                            C::InvalidDate,
                            format!("「{s}」という日はありません（年-月-日で、実在する日付を入れてください）。"),
                            format!("{s} is not a real date in the form YYYY-MM-DD."),
                        );
                        None
                    }
                }
            }
            Some(other) => {
                let (dj, de) = describe(other);
                self.err(
                    field,
                    C::InvalidDate,
                    format!("日付（YYYY-MM-DD）ではありません: {dj}"),
                    format!("not a date (YYYY-MM-DD): {de}"),
                );
                None
            }
        }
    }

    fn month(&mut self, v: Option<&Json>, field: &str) -> Option<Month> {
        match v {
            None | Some(Json::Null) => None,
            Some(Json::Str(s)) => {
                let s = self.fits(field, s)?;
                match Month::parse(s) {
                    Some(m) if (2000..=2100).contains(&m.year()) => Some(m),
                    Some(_) => {
                        self.err(
                            field,
                            C::OutOfRange,
                            format!("{s} は対象外の年です（2000〜2100年）。"),
                            format!("{s} is outside the years 2000–2100."),
                        );
                        None
                    }
                    None => {
                        self.err(
                            field,
                            C::InvalidMonth,
                            format!("{s} は YYYY-MM 形式の月ではありません。"),
                            format!("{s} is not a month in the form YYYY-MM."),
                        );
                        None
                    }
                }
            }
            Some(other) => {
                let (dj, de) = describe(other);
                self.err(
                    field,
                    C::InvalidMonth,
                    format!("月（YYYY-MM）ではありません: {dj}"),
                    format!("not a month (YYYY-MM): {de}"),
                );
                None
            }
        }
    }

    /// An integer in `lo..=hi`; `default` when absent.
    fn int(
        &mut self,
        v: Option<&Json>,
        field: &str,
        lo: i64,
        hi: i64,
        default: Option<i64>,
    ) -> Option<i64> {
        match v {
            None | Some(Json::Null) => {
                if default.is_none() {
                    self.missing(field)
                }
                default
            }
            Some(Json::Num(n)) if n.fract() == 0.0 && *n >= lo as f64 && *n <= hi as f64 => {
                Some(*n as i64)
            }
            Some(other) => {
                let (dj, de) = describe(other);
                self.err(
                    field,
                    C::OutOfRange,
                    format!(
                        "{}〜{}の整数で入力してください（入力: {dj}）。",
                        crate::text::yen(lo),
                        crate::text::yen(hi)
                    ),
                    format!(
                        "must be a whole number from {} to {} (got {de}).",
                        crate::text::yen(lo),
                        crate::text::yen(hi)
                    ),
                );
                default
            }
        }
    }

    fn amount(&mut self, v: Option<&Json>, field: &str) -> i64 {
        self.int(v, field, 0, MAX_AMOUNT, Some(0)).unwrap_or(0)
    }

    fn boolean(&mut self, v: Option<&Json>, field: &str, default: bool) -> bool {
        match v {
            None | Some(Json::Null) => default,
            Some(Json::Bool(b)) => *b,
            Some(other) => {
                let (dj, de) = describe(other);
                self.err(
                    field,
                    C::UnknownValue,
                    format!("true か false を指定してください（入力: {dj}）。"),
                    format!("must be true or false (got {de})."),
                );
                default
            }
        }
    }

    /// One of `choices`; `None` when absent.
    fn choice<'c>(
        &mut self,
        v: Option<&Json>,
        field: &str,
        choices: &[&'c str],
    ) -> Option<&'c str> {
        match v {
            None | Some(Json::Null) => None,
            Some(Json::Str(s)) => {
                let s = self.fits(field, s)?;
                let hit = choices.iter().find(|c| **c == s).copied();
                if hit.is_none() {
                    let list = crate::text::join(choices, " | ");
                    self.err(
                        field,
                        C::UnknownValue,
                        format!("\"{s}\" は使えません。使える値: {list}"),
                        format!("\"{s}\" is not one of: {list}"),
                    );
                }
                hit
            }
            Some(other) => {
                let (dj, de) = describe(other);
                let list = crate::text::join(choices, " | ");
                self.err(
                    field,
                    C::UnknownValue,
                    format!("使える値: {list}（入力: {dj}）"),
                    format!("must be one of: {list} (got {de})."),
                );
                None
            }
        }
    }

    /// An object, or absent; anything else is an error.
    fn object<'j>(&mut self, v: Option<&'j Json>, field: &str) -> Option<&'j Json> {
        match v {
            None | Some(Json::Null) => None,
            Some(o @ Json::Obj(_)) => Some(o),
            Some(Json::TooBig) => {
                self.err(
                    field,
                    C::OutOfRange,
                    "入れ子が深すぎるか大きすぎます。".into(),
                    "nested too deeply or too large.".into(),
                );
                None
            }
            Some(other) => {
                let (dj, de) = describe(other);
                self.err(
                    field,
                    C::UnknownValue,
                    format!("オブジェクト {{…}} ではありません（入力: {dj}）。"),
                    format!("must be an object {{…}} (got {de})."),
                );
                None
            }
        }
    }
}

/// Reads and checks an input. `Err` carries every problem found.
pub fn read(input: &Json) -> Result<Scenario, (Lang, Vec<InputError>)> {
    let mut r = Reader { errors: Vec::new() };
    let lang = match input.get("lang") {
        Some(Json::Str(s)) if s == "en" => Lang::En,
        _ => Lang::Ja,
    };
    if let Json::TooBig = input {
        r.err("", C::OutOfRange, "入力が大きすぎます。".into(), "the input is too large.".into());
        return Err((lang, r.errors));
    }
    if !matches!(input, Json::Obj(_)) {
        r.err(
            "",
            C::Missing,
            "入力はオブジェクト {…} である必要があります。".into(),
            "the input must be an object {…}.".into(),
        );
        return Err((lang, r.errors));
    }
    r.choice(input.get("lang"), "lang", &["ja", "en"]);
    let application_date = r.date(input.get("applicationDate"), "applicationDate", true);

    let cur = r.object(input.get("current"), "current");
    if cur.is_none()
        && !matches!(input.get("current"), Some(Json::Obj(_)) | Some(Json::TooBig))
        && r.errors.iter().all(|e| e.field != "current")
    {
        r.missing("current");
    }
    let current = cur.and_then(|c| read_current(&mut r, c));
    let destination = match r.object(input.get("destination"), "destination") {
        Some(d) => read_destination(&mut r, d, current.as_ref()),
        None => None,
    };

    if let (Some(a), Some(c)) = (application_date, current.as_ref()) {
        if c.service_start > a {
            r.err(
                "current.serviceStart",
                C::Inconsistent,
                format!("利用開始日（{}）が申請日（{a}）より後です。", c.service_start),
                format!(
                    "the service start ({}) is after the application date ({a}).",
                    c.service_start
                ),
            );
        }
        if c.contract_given && c.contract_date > a {
            r.err(
                "current.contractDate",
                C::Inconsistent,
                format!("契約申込日（{}）が申請日（{a}）より後です。", c.contract_date),
                format!(
                    "the contract date ({}) is after the application date ({a}).",
                    c.contract_date
                ),
            );
        }
        if let Some(s) = c.switch_date {
            if s < a {
                r.err(
                    "current.switchDate",
                    C::Inconsistent,
                    format!("切替日（{s}）が申請日（{a}）より前です。"),
                    format!("the switch date ({s}) is before the application date ({a})."),
                );
            }
        }
    }
    match (application_date, current, r.errors.is_empty()) {
        (Some(application_date), Some(current), true) => {
            Ok(Scenario { lang, application_date, current, destination })
        }
        _ => Err((lang, r.errors)),
    }
}

fn read_current(r: &mut Reader, c: &Json) -> Option<Current> {
    let provider = match c.get("provider") {
        None | Some(Json::Null) => {
            r.missing("current.provider");
            None
        }
        Some(Json::Str(s)) => match r.fits("current.provider", s).map(|id| (id, Rules::of(id))) {
            Some((_, Some(rules))) if rules.set.kind == crate::rules::SetKind::Provider => {
                Some(rules)
            }
            Some(_) => {
                let known: Vec<&str> = crate::rules::book()
                    .map(|b| {
                        b.sets
                            .iter()
                            .filter(|s| s.kind == crate::rules::SetKind::Provider)
                            .map(|s| s.id)
                            .collect()
                    })
                    .unwrap_or_default();
                let list = crate::text::join(&known, " | ");
                r.err(
                    "current.provider",
                    C::UnknownValue,
                    format!("\"{s}\" の規則はありません。使える値: {list}"),
                    format!("no rules for \"{s}\"; known: {list}"),
                );
                None
            }
            None => None,
        },
        Some(other) => {
            let (dj, de) = describe(other);
            r.err(
                "current.provider",
                C::UnknownValue,
                format!("事業者のIDではありません（入力: {dj}）。"),
                format!("not a provider id (got {de})."),
            );
            None
        }
    };
    let service_start = r.date(c.get("serviceStart"), "current.serviceStart", true);
    let contract_date = r.date(c.get("contractDate"), "current.contractDate", false);
    let building = match r.choice(c.get("building"), "current.building", &["home", "mansion"]) {
        Some("mansion") => Building::Mansion,
        _ => Building::Home,
    };
    let customer =
        match r.choice(c.get("customer"), "current.customer", &["individual", "corporate"]) {
            Some("corporate") => Customer::Corporate,
            _ => Customer::Individual,
        };
    let channel_given = r.choice(
        c.get("channel"),
        "current.channel",
        &["phone", "web", "chat", "line", "paper", "provider-switch"],
    );
    let channel = match channel_given {
        Some("phone") => Channel::Phone,
        Some("chat") => Channel::Chat,
        Some("line") => Channel::Line,
        Some("paper") => Channel::Paper,
        Some("provider-switch") => Channel::ProviderSwitch,
        _ => Channel::Web,
    };
    let exit_month = r.month(c.get("exitMonth"), "current.exitMonth");
    let switch_date = if channel == Channel::ProviderSwitch {
        r.date(c.get("switchDate"), "current.switchDate", true)
    } else {
        None // ignored, not validated (CONTRACT "Limits and types")
    };
    let region = match r.choice(c.get("region"), "current.region", &["east", "west"]) {
        Some("west") => Region::West,
        _ => Region::East,
    };
    let removal =
        match r.choice(c.get("removal"), "current.removal", &["none", "requested", "landlord"]) {
            Some("requested") => Removal::Requested,
            Some("landlord") => Removal::Landlord,
            _ => Removal::None,
        };
    let removal_date = if removal == Removal::None {
        None
    } else {
        r.date(c.get("removalDate"), "current.removalDate", false)
    };
    let monthly_fee = r.amount(c.get("monthlyFee"), "current.monthlyFee");
    let construction =
        r.object(c.get("construction"), "current.construction").map(|o| Construction {
            monthly_installment: r
                .int(
                    o.get("monthlyInstallment"),
                    "current.construction.monthlyInstallment",
                    0,
                    MAX_AMOUNT,
                    None,
                )
                .unwrap_or(0),
            installments: r
                .int(o.get("installments"), "current.construction.installments", 1, 600, None)
                .unwrap_or(1),
            first_month: r.month(o.get("firstMonth"), "current.construction.firstMonth"),
            first_installment: match o.get("firstInstallment") {
                None | Some(Json::Null) => None,
                v => r.int(v, "current.construction.firstInstallment", 0, MAX_AMOUNT, None),
            },
        });
    let cashback = r.object(c.get("cashback"), "current.cashback").map(|o| Cashback {
        amount: r.int(o.get("amount"), "current.cashback.amount", 0, MAX_AMOUNT, None).unwrap_or(0),
        minimum_months: r
            .int(o.get("minimumMonths"), "current.cashback.minimumMonths", 1, 600, None)
            .unwrap_or(1),
    });
    let payment = match r.choice(
        c.get("payment"),
        "current.payment",
        &["credit-card", "bank-debit", "convenience-store", "ntt", "cedyna", "usen"],
    ) {
        Some("bank-debit") => Payment::BankDebit,
        Some("convenience-store") => Payment::ConvenienceStore,
        Some("ntt") => Payment::Ntt,
        Some("cedyna") => Payment::Cedyna,
        Some("usen") => Payment::Usen,
        _ => Payment::CreditCard,
    };
    // SN-4: with a provider switch the phone block is ignored, not validated.
    let phone = match (
        channel,
        r.object(c.get("phone").filter(|_| channel != Channel::ProviderSwitch), "current.phone"),
    ) {
        (_, Some(p)) => Phone {
            keep_number: r.boolean(p.get("keepNumber"), "current.phone.keepNumber", false),
            from_ntt_analog: r.boolean(p.get("fromNttAnalog"), "current.phone.fromNttAnalog", true),
            analog_return_date: r.date(
                p.get("analogReturnDate"),
                "current.phone.analogReturnDate",
                false,
            ),
        },
        _ => Phone { keep_number: false, from_ntt_analog: true, analog_return_date: None },
    };
    let statement = match r.choice(c.get("statement"), "current.statement", &["mypage", "request"])
    {
        Some("request") => Statement::Request,
        _ => Statement::MyPage,
    };
    // Issue 5: contract terms entered by the user (required for the custom provider,
    // validated whenever present).
    let custom = provider.is_some_and(|p| p.has("user-terms"));
    let mut terms = Vec::new();
    match r.object(c.get("terms"), "current.terms") {
        Some(t) => {
            use crate::rules::UserValue as V;
            // Required only of a provider whose terms the user enters; for another, a
            // value given is checked and changes nothing (CU-1).
            let need = |k: &str| {
                if custom || !matches!(t.get(k), None | Some(Json::Null)) {
                    None
                } else {
                    Some(0)
                }
            };
            let term =
                r.int(t.get("termMonths"), "current.terms.termMonths", 1, 120, need("termMonths"));
            let renew = r
                .int(t.get("renewalMonths"), "current.terms.renewalMonths", 1, 3, Some(1))
                .unwrap_or(1);
            let fee = r.int(
                t.get("cancellationFee"),
                "current.terms.cancellationFee",
                0,
                MAX_AMOUNT,
                need("cancellationFee"),
            );
            let day = r
                .int(t.get("bankDebitDay"), "current.terms.bankDebitDay", 1, 31, Some(27))
                .unwrap_or(27);
            let prorated = r.boolean(t.get("prorated"), "current.terms.prorated", false);
            if let Some(term) = term {
                terms.push(("contract.term-months", V::Int(term)));
            }
            terms.push(("contract.renewal-months", V::Ints((1..=renew).collect())));
            if let Some(fee) = fee {
                terms.push(("fee.cancellation", V::Every(fee)));
            }
            terms.push(("billing.bank-debit-day", V::Int(day)));
            terms.push(("billing.prorated", V::Bool(prorated)));
        }
        None if custom => r.err(
            "current.terms",
            C::Missing,
            "その他の事業者では契約条件（契約期間・契約解除料など）の入力が必要です。".into(),
            "another provider needs its contract terms (term, cancellation fee, …).".into(),
        ),
        None => {}
    }
    let prorated = terms
        .iter()
        .any(|(k, v)| *k == "billing.prorated" && *v == crate::rules::UserValue::Bool(true));
    let exit_date = if prorated && custom {
        r.date(c.get("exitDate"), "current.exitDate", false)
    } else {
        None
    };

    // Combinations that need no calculation (SN-3, SN-4, SN-12), checked against the
    // provider's rule data.
    if let Some(rules) = provider {
        let mut tr = crate::rules::Trace::default();
        let at = service_start.unwrap_or_default();
        let (who, key) = match customer {
            Customer::Individual => ("個人", "exit.channels.individual"),
            Customer::Corporate => ("法人", "exit.channels.corporate"),
        };
        if rules.has(key) {
            if let Ok(allowed) = rules.strs(key, at, &mut tr) {
                if !allowed.contains(&channel.code()) {
                    let who_en = if customer == Customer::Corporate {
                        "a corporate customer"
                    } else {
                        "an individual customer"
                    };
                    r.err(
                        "current.channel",
                        C::NotAllowed,
                        format!(
                            "{who}のお客様は「{}」で退会を申し込めません。使える方法: {}",
                            way_name(channel.code(), true),
                            ways(allowed, true)
                        ),
                        format!(
                            "{who_en} cannot apply by {}; allowed: {}",
                            way_name(channel.code(), false),
                            ways(allowed, false)
                        ),
                    );
                }
            }
        }
        let pkey = match customer {
            Customer::Individual => "billing.payments.individual",
            Customer::Corporate => "billing.payments.corporate",
        };
        if rules.has(pkey) {
            if let Ok(allowed) = rules.strs(pkey, at, &mut tr) {
                if !allowed.contains(&payment.code()) {
                    r.err(
                        "current.payment",
                        C::NotAllowed,
                        format!(
                            "{who}のお客様は「{}」で支払えません。使える方法: {}",
                            way_name(payment.code(), true),
                            ways(allowed, true)
                        ),
                        format!(
                            "{} is not available to this customer; allowed: {}",
                            way_name(payment.code(), false),
                            ways(allowed, false)
                        ),
                    );
                }
            }
        }
    }
    if channel == Channel::ProviderSwitch && removal != Removal::None {
        r.err(
            "current.removal",
            C::NotAllowed,
            "事業者変更では回線がそのまま残るため、撤去工事は選べません。".into(),
            "with a provider switch the line stays, so removal construction cannot be chosen."
                .into(),
        );
    }
    let (service_start, provider) = (service_start?, provider?);
    let contract_given = contract_date.is_some();
    let contract_date = contract_date.unwrap_or(service_start);
    if contract_date > service_start {
        r.err(
            "current.contractDate",
            C::Inconsistent,
            format!("契約申込日（{contract_date}）が利用開始日（{service_start}）より後です。"),
            format!(
                "the contract date ({contract_date}) is after the service start ({service_start})."
            ),
        );
    }
    Some(Current {
        rules: provider,
        service_start,
        contract_date,
        contract_given,
        building,
        customer,
        channel,
        exit_month,
        switch_date,
        region,
        removal,
        removal_date,
        monthly_fee,
        construction,
        cashback,
        payment,
        phone,
        statement,
        terms,
        exit_date,
    })
}

fn read_destination(r: &mut Reader, d: &Json, current: Option<&Current>) -> Option<Destination> {
    r.choice(d.get("carrier"), "destination.carrier", &["au-hikari"]);
    // SN-4: auひかり is not a 光コラボ, so leaving for it is never a provider switch.
    if current.is_some_and(|c| c.channel == Channel::ProviderSwitch) {
        r.err(
            "current.channel",
            C::NotAllowed,
            "auひかりは光コラボではないため、事業者変更では乗り換えられません。通常の退会を選んでください。".into(),
            "au Hikari is not a Hikari Collaboration service: switching to it is a normal exit, not a provider switch.".into(),
        );
    }
    let campaign = match r.choice(
        d.get("campaign"),
        "destination.campaign",
        &["start-support", "start-support-plus", "none"],
    ) {
        Some("start-support-plus") => Campaign::StartSupportPlus,
        Some("none") => Campaign::None,
        _ => Campaign::StartSupport,
    };
    let building = match r.choice(d.get("building"), "destination.building", &["home", "mansion"]) {
        Some("home") => Building::Home,
        Some("mansion") => Building::Mansion,
        _ => current.map(|c| c.building).unwrap_or(Building::Home),
    };
    let plan = match r.choice(
        d.get("plan"),
        "destination.plan",
        &["zutto-giga-toku", "standard", "otoku-a"],
    ) {
        Some("zutto-giga-toku") => Plan::ZuttoGigaToku,
        Some("standard") => Plan::Standard,
        Some("otoku-a") => Plan::OtokuA,
        _ if building == Building::Mansion => Plan::OtokuA,
        _ => Plan::ZuttoGigaToku,
    };
    let isp = r.choice(d.get("isp"), "destination.isp", &ISPS);
    if isp.is_none()
        && campaign != Campaign::None
        && matches!(d.get("isp"), None | Some(Json::Null))
    {
        r.missing("destination.isp");
    }
    let start_date = r.date(d.get("startDate"), "destination.startDate", true);
    let with_phone_options =
        r.boolean(d.get("withPhoneOptions"), "destination.withPhoneOptions", true);
    let source_excluded = match d.get("sourceExcluded") {
        None | Some(Json::Null) => None,
        v => Some(r.boolean(v, "destination.sourceExcluded", false)),
    };
    let smart_value = r.boolean(d.get("smartValue"), "destination.smartValue", false);
    let refund_method = match r.choice(
        d.get("refundMethod"),
        "destination.refundMethod",
        &["au-wallet", "postal-money-order"],
    ) {
        Some("postal-money-order") => RefundMethod::PostalMoneyOrder,
        _ => RefundMethod::AuWallet,
    };
    let acceptance_date = r.date(d.get("acceptanceDate"), "destination.acceptanceDate", false);
    let other_covered_fees = r.amount(d.get("otherCoveredFees"), "destination.otherCoveredFees");
    let mobile_lines =
        r.int(d.get("mobileLines"), "destination.mobileLines", 0, 100, Some(0)).unwrap_or(0);
    let au_applied = r.date(d.get("applicationDate"), "destination.applicationDate", false);
    let number_portability_fee =
        r.amount(d.get("numberPortabilityFee"), "destination.numberPortabilityFee");
    let ntt_line_construction_fee =
        r.amount(d.get("nttLineConstructionFee"), "destination.nttLineConstructionFee");
    if let (Some(ap), Some(st)) = (au_applied, start_date) {
        if ap > st {
            r.err(
                "destination.applicationDate",
                C::Inconsistent,
                format!("auひかりの申込日（{ap}）が開通日（{st}）より後です。"),
                format!("the au Hikari application ({ap}) is after its start ({st})."),
            );
        }
    }
    Some(Destination {
        campaign,
        building,
        plan,
        isp,
        start_date: start_date?,
        with_phone_options,
        source_excluded,
        smart_value,
        refund_method,
        acceptance_date,
        other_covered_fees,
        mobile_lines,
        application_date: au_applied.or(start_date)?,
        number_portability_fee,
        ntt_line_construction_fee,
    })
}
