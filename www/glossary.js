// The glossary's explanations: seven words of a fiber exit that readers trip over,
// explained where the form or the result uses them. dom.js's gloss() puts a "?" beside those
// fields and figures (the terms' names are in i18n.js) and loads this module the first time one
// is opened, so it costs nothing until then. Plain page text: not in the core, and no
// provider's own figures (fees, months, days), which come from rules/ through the core;
// each explanation holds for any provider and cites where it comes from.

/** Where each explanation comes from. `url` is a link; `path` is a source article kept beside the project (not served). */
const SRC = {
  so000: { kind: "seed", path: "seeds/000_b5f2aa56785f616e.txt", ja: "ソネット光プラスの退会手続きの解説", en: "So-net Hikari Plus exit guide" },
  au002: { kind: "seed", path: "seeds/002_4eaa79b0ce47f49e.txt", ja: "auひかりスタートサポートと解約違約金", en: "au Hikari Start Support and exit fees" },
  mic2020: { kind: "gov", url: "https://www.soumu.go.jp/menu_news/s-news/01kiban03_02000687.html", ja: "総務省: 競争促進指針の改正（2020年12月）", en: "MIC: revised competition guideline (Dec 2020)" },
  mic2022: { kind: "gov", url: "https://mykoho.jp/article/総務省/くらしを豊かにする総務省の情報誌-令和4年6月号/《特集》2022年7月1日から電気通信サービスに関する消費者保護ルールが変わります-3/", ja: "総務省 広報誌: 2022年7月からの消費者保護ルール", en: "MIC magazine: consumer rules from July 2022" },
  sonetFee: { kind: "official", url: "https://so-net.ne.jp/article/faq/sonethikariplus-kaiyakukin.html", ja: "So-net: 契約解除料のFAQ", en: "So-net FAQ: cancellation fee" },
  sonetWork: { kind: "official", url: "https://www.so-net.ne.jp/article/faq/koujihi-muryou.html", ja: "So-net: 工事費のFAQ", en: "So-net FAQ: construction fee" },
  sonetSwitch: { kind: "official", url: "https://www.so-net.ne.jp/guide/collabo/applications/change_toisp.html", ja: "So-net: 事業者変更の案内", en: "So-net: provider switch" },
  sonetDebit: { kind: "official", url: "https://so-net.ne.jp/support/mbr/shiharai/koufuri/syokai_seikyu.html", ja: "So-net: 口座振替の請求", en: "So-net: bank debit billing" },
  analog: { kind: "guide", url: "https://nttdocomo-ssw.com/nssw/dhkr/ouchinetpress/communication/article451", ja: "光電話から固定電話に戻す手続き", en: "Returning a fiber-phone number to a fixed line" },
  kddiList: { kind: "agent", url: "https://au-hikari-kddi.com/start-support.php", ja: "KDDIの対象外サービス一覧（代理店の転載）", en: "KDDI's list of excluded services (agent's copy)" },
  svList: { kind: "agent", url: "https://aun-company.com/auhikari/campaign/au-smart-value.php", ja: "auスマートバリューの対象サービス（代理店）", en: "Services covered by au Smart Value (agent)" },
};

// A term: its text in Japanese and English and the ids of its sources. The English text
// keeps the Japanese words a reader meets on a bill or a contract.
const TERMS = {
  renewal: {
    ja: "定期契約の期間が満了したあと、契約解除料なしで解約できる月です。何か月あるか、満了月を含むか、何か月目から数えるかは事業者と契約の時期で違い、過ぎると契約は同じ期間で自動更新されます。総務省の指針（2020年）は、満了月を含め3か月以上を求めています。自分の月は契約書やマイページで確かめてください。",
    en: "The month or months after a fixed term ends in which you can leave without a cancellation fee. How many, whether the term's last month counts and how months are counted differ by provider and contract date; once they pass, the contract renews for another term. A 2020 MIC guideline asks for at least three months, the last month of the term included. Your contract or MyPage shows yours.",
    src: ["so000", "au002", "mic2020"],
  },
  fee: {
    ja: "定期契約を更新月以外に解約すると請求される料金です。契約書では「契約解除料」、案内では「解約金」、ふだんは「違約金」と呼ばれますが、同じものです。2022年7月以降に結んだ個人の契約では、法改正で原則として月額料金1か月分までになりました。それより前の契約は当時の額のままのことがあります。",
    en: "What you are charged for leaving a fixed-term contract outside its renewal months. Contracts say 契約解除料, guides 解約金, and people 違約金 (\"penalty\"): one and the same charge. For individual contracts made from July 2022 the law caps it, as a rule, at one month's fee; older contracts may keep their old amount.",
    src: ["au002", "mic2022", "sonetFee"],
  },
  remainder: {
    ja: "開通工事費を分割で払っている途中で解約したときの、まだ払っていない残りです。解約後にまとめて請求されます。2022年7月以降の契約では、この請求にも法律で上限があります。乗り換え先のキャンペーンで還元の対象になることがあります。",
    en: "The part of the line's construction fee still unpaid when you leave during its installments; it is billed at once after you leave. For contracts from July 2022 the law limits it too. A switching campaign may count it among the fees it refunds.",
    src: ["so000", "sonetWork", "mic2022"],
  },
  switch: {
    ja: "NTTの光回線を使う光コラボどうしで乗り換えるしくみです。今の事業者から「事業者変更承諾番号」をもらって乗り換え先に申し込むと、回線も工事もそのままで、乗り換え先の開通日に今の契約が終わります。auひかりはKDDIの回線で光コラボではないため、auひかりへの乗り換えは事業者変更ではなく通常の解約です。",
    en: "How you move between 光コラボ services (fiber resold on NTT's lines) and keep the line: your provider gives you a switch approval number (事業者変更承諾番号), you apply to the new one with it, and the old contract ends the day the new one opens, with no construction. au Hikari runs on KDDI's own lines and is not a 光コラボ, so moving to it is an ordinary exit, not a provider switch.",
    src: ["so000", "sonetSwitch"],
  },
  analog: {
    ja: "ひかり電話で使っている番号を、NTTのアナログ回線（加入電話）に戻して残す手続きです。もとはNTTのアナログ回線で発番された番号だけが戻せます。光回線の解約より前に自分でNTTに申し込み、期限までに戻らないと番号は消えます。事業者変更なら不要です。",
    en: "Moving your fiber-phone (ひかり電話) number back onto an NTT analog line (加入電話) to keep it. Only a number first issued for an NTT analog line can go back. You ask NTT yourself before the fiber contract ends; if it is not back by the deadline, the number is gone. Not needed with a provider switch.",
    src: ["so000", "analog"],
  },
  smartValue: {
    ja: "対象の自宅のインターネット（ネット＋電話）と一緒に使うと、auのスマホ料金が割引になるサービスです。auひかりの乗り換えキャンペーンは、auスマートバリューの対象になっている他社の光回線（一部の光コラボなど）からの乗り換えには解約金を還元しません。自分の回線が対象かはKDDIに確認できます。",
    en: "au's discount on its phone plans for homes that also use an eligible internet service (internet plus phone). au Hikari's switching campaign refunds no exit fees for a fiber service that is itself covered by au Smart Value (some 光コラボ among them). KDDI can tell you whether your line is.",
    src: ["au002", "kddiList", "svList"],
  },
  debitDay: {
    ja: "口座振替（口座引き落とし）で払うとき、料金が銀行口座から引き落とされる日です。日は事業者ごとに決まっていて、銀行の休業日なら翌営業日になります。最後の月の料金や解約金は解約後に請求されるので、引き落としは解約のあとになります。",
    en: "With bank debit (口座振替), the day your bank account is charged. Each provider sets its own day; when it falls on a bank holiday the debit moves to the next business day. The last month's fee and any exit charges are billed after you leave, so they are debited after you have left.",
    src: ["so000", "sonetDebit"],
  },
};

const KIND = {
  ja: { seed: "出典記事", gov: "総務省", official: "公式", agent: "代理店", guide: "解説" },
  en: { seed: "source article", gov: "government", official: "official", agent: "agent", guide: "guide" },
};

/** The explanation of term `key` in `lang`: { text, sources: [{ title, kind, url? , path? }] }. */
export function explain(key, lang) {
  const l = lang === "en" ? "en" : "ja";
  const x = TERMS[key];
  return { text: x[l], sources: x.src.map((id) => ({ ...SRC[id], title: SRC[id][l], kind: KIND[l][SRC[id].kind] })) };
}

export const TERM_KEYS = Object.keys(TERMS);
