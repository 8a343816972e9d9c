//! The input's closed lists, one table per enum: variant ⇄ wire code ⇄ default. The
//! code is also the page's label key (`o[code]` in `www/i18n.js`), and the build writes
//! these tables to `www/codes.js` ([`crate::wire::codes`]) so the form draws its options
//! without waiting for the wasm: every code is typed here once.
//!
//! Holds the names the core's own sentences use for a channel, a payment method, a plan
//! and an ISP. Does not hold the page's option labels (those are the page's words, keyed
//! by code) nor any provider's list of allowed values (that is rule data).

/// What the reader needs of a table: its codes and the variant of a code.
pub trait Choice: Copy + 'static {
    const CODES: &'static [&'static str];
    fn from_code(code: &str) -> Option<Self>;
}

/// `choices! { Enum { Variant = "code", … } default Variant }`: the enum, its codes in
/// the order the error message and the page list them, and the value when absent.
macro_rules! choices {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? } default $default:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($variant),+
        }
        impl $name {
            /// Every variant, in the table's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The wire codes, in the table's order.
            pub const CODES: &'static [&'static str] = &[$($code),+];
            /// CONTRACT's default when the field is absent.
            pub const DEFAULT: $name = $name::$default;
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }
            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
        impl Choice for $name {
            const CODES: &'static [&'static str] = $name::CODES;
            fn from_code(code: &str) -> Option<$name> {
                $name::from_code(code)
            }
        }
    };
}

choices! {
    /// 戸建 or マンション (`current.building`, `destination.building`).
    Building { Home = "home", Mansion = "mansion" } default Home
}
choices! {
    /// `current.customer`.
    Customer { Individual = "individual", Corporate = "corporate" } default Individual
}
choices! {
    /// How the exit is applied for (`current.channel`, SN-3, SN-4).
    Channel {
        Phone = "phone", Web = "web", Chat = "chat", Line = "line", Paper = "paper",
        ProviderSwitch = "provider-switch",
    } default Web
}
choices! {
    /// NTT East or West (`current.region`, SN-5).
    Region { East = "east", West = "west" } default East
}
choices! {
    /// Removal construction (`current.removal`, SN-5).
    Removal { None = "none", Requested = "requested", Landlord = "landlord" } default None
}
choices! {
    /// `current.payment` (SN-11, SN-12).
    Payment {
        CreditCard = "credit-card", BankDebit = "bank-debit",
        ConvenienceStore = "convenience-store", Ntt = "ntt", Cedyna = "cedyna", Usen = "usen",
    } default CreditCard
}
choices! {
    /// How the proof of exit is obtained (`current.statement`, SN-14).
    Statement { MyPage = "mypage", Request = "request" } default MyPage
}
choices! {
    /// The destination's switch campaign (`destination.campaign`, AU-1).
    Campaign {
        StartSupport = "start-support", StartSupportPlus = "start-support-plus", None = "none",
    } default StartSupport
}
choices! {
    /// auひかり's plan (`destination.plan`); absent: by building (mansion: お得プランA).
    Plan {
        ZuttoGigaToku = "zutto-giga-toku", Standard = "standard", OtokuA = "otoku-a",
    } default ZuttoGigaToku
}
choices! {
    /// How KDDI pays the refund (`destination.refundMethod`, AU-10).
    RefundMethod { AuWallet = "au-wallet", PostalMoneyOrder = "postal-money-order" } default AuWallet
}
choices! {
    /// The destination carrier (`destination.carrier`): auひかり only, so far.
    Carrier { AuHikari = "au-hikari" } default AuHikari
}
choices! {
    /// auひかり's ISPs (`destination.isp`, AU-2).
    Isp {
        Nifty = "nifty", Tcom = "tcom", AuOneNet = "au-one-net", Biglobe = "biglobe",
        SoNet = "so-net", AsahiNet = "asahi-net", Dti = "dti",
    } default Nifty
}
choices! {
    /// The answer's language (`lang`).
    LangCode { Ja = "ja", En = "en" } default Ja
}

impl Plan {
    /// The plan's name as KDDI writes it (ja) or in English, for the core's sentences.
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
}

impl Channel {
    /// The channel's name in the core's sentences.
    pub fn name(self, ja: bool) -> &'static str {
        match (self, ja) {
            (Channel::Phone, true) => "電話",
            (Channel::Phone, false) => "phone",
            (Channel::Web, _) => "Web",
            (Channel::Chat, true) => "チャット",
            (Channel::Chat, false) => "chat",
            (Channel::Line, _) => "LINE",
            (Channel::Paper, true) => "書面",
            (Channel::Paper, false) => "paper form",
            (Channel::ProviderSwitch, true) => "事業者変更",
            (Channel::ProviderSwitch, false) => "provider switch",
        }
    }
}

impl Payment {
    /// The payment method's name in the core's sentences.
    pub fn name(self, ja: bool) -> &'static str {
        match (self, ja) {
            (Payment::CreditCard, true) => "クレジットカード",
            (Payment::CreditCard, false) => "credit card",
            (Payment::BankDebit, true) => "口座振替",
            (Payment::BankDebit, false) => "bank debit",
            (Payment::ConvenienceStore, true) => "コンビニ払い",
            (Payment::ConvenienceStore, false) => "convenience store",
            (Payment::Ntt, true) => "NTT請求",
            (Payment::Ntt, false) => "NTT billing",
            (Payment::Cedyna, true) => "セディナ",
            (Payment::Cedyna, false) => "Cedyna",
            (Payment::Usen, _) => "USEN",
        }
    }
}

impl Isp {
    /// The ISP's name as it writes it (the same in both languages but one).
    pub fn name(self, ja: bool) -> &'static str {
        match self {
            Isp::Nifty => "@nifty",
            Isp::Tcom => "@T COM",
            Isp::AuOneNet => "au one net",
            Isp::Biglobe => "BIGLOBE",
            Isp::SoNet => "So-net",
            Isp::AsahiNet if ja => "ASAHIネット",
            Isp::AsahiNet => "ASAHI Net",
            Isp::Dti => "DTI",
        }
    }
}

/// A channel's or payment method's name for people, by wire code (a code of neither
/// table is returned as it is: rule data lists codes, and a new one must still print).
pub fn way_name(code: &str, ja: bool) -> &str {
    match (Channel::from_code(code), Payment::from_code(code)) {
        (Some(c), _) => c.name(ja),
        (_, Some(p)) => p.name(ja),
        _ => code,
    }
}

/// An auひかり ISP code's name ([`Isp::name`]); an unknown code as it is.
pub fn isp_name(code: &str, ja: bool) -> &str {
    Isp::from_code(code).map_or(code, |i| i.name(ja))
}

/// The fee-free renewal months after each term when the user's terms leave it out
/// (`current.terms.renewalMonths`).
pub const DEFAULT_RENEWAL_MONTHS: i64 = 1;

/// Bank debit's day when the provider's rule data or the user's terms give none
/// (`current.terms.bankDebitDay`; the page's custom form shows it as its default).
pub const DEFAULT_BANK_DEBIT_DAY: i64 = 27;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_round_trips_its_codes() {
        for (i, p) in Payment::ALL.iter().enumerate() {
            assert_eq!(Payment::from_code(p.code()), Some(*p));
            assert_eq!(Payment::CODES[i], p.code());
        }
        for c in Channel::ALL {
            assert_eq!(Channel::from_code(c.code()), Some(*c));
        }
        for p in Plan::ALL {
            assert_eq!(Plan::from_code(p.code()), Some(*p));
        }
        assert_eq!(Isp::CODES.len(), Isp::ALL.len());
        assert_eq!(Building::from_code("apartment"), None);
    }

    #[test]
    fn codes_are_unique_within_a_table() {
        let tables: [&[&str]; 6] = [
            Channel::CODES,
            Payment::CODES,
            Plan::CODES,
            Isp::CODES,
            Removal::CODES,
            Campaign::CODES,
        ];
        for t in tables {
            let mut seen: Vec<&str> = t.to_vec();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), t.len(), "{t:?}");
        }
    }

    #[test]
    fn contract_defaults() {
        // CONTRACT "Input": the defaults when a field is absent.
        assert_eq!(Channel::DEFAULT.code(), "web");
        assert_eq!(Payment::DEFAULT.code(), "credit-card");
        assert_eq!(Campaign::DEFAULT.code(), "start-support");
        assert_eq!(RefundMethod::DEFAULT.code(), "au-wallet");
        assert_eq!(Region::DEFAULT.code(), "east");
    }

    #[test]
    fn names_for_sentences_fall_back_to_the_code() {
        assert_eq!(way_name("paper", true), "書面");
        assert_eq!(way_name("bank-debit", false), "bank debit");
        assert_eq!(way_name("fax", true), "fax");
        assert_eq!(isp_name("asahi-net", true), "ASAHIネット");
        assert_eq!(isp_name("asahi-net", false), "ASAHI Net");
        assert_eq!(isp_name("x", false), "x");
    }
}
