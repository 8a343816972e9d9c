//! The language of every message (`lang` in the input): Japanese first, English available.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// The Japanese or the English text.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// Like [`Lang::pick`], for formatted text.
    pub fn say(self, ja: String, en: String) -> String {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// `1234567` → `1,234,567`.
pub fn yen(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

/// A stable insertion sort for the short lists of a result (actions, timeline,
/// explanations: tens of items). The standard library's sort is instantiated per element
/// type at about 4 KB of wasm each; this is a few hundred bytes.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}
