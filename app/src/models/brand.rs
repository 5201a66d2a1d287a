//! The organization's brand: name, colours, font and logo, the palettes derived from them
//! for light and dark mode, and the WCAG contrast checks both the editor (live, in the
//! browser) and the server (on save) apply.

use serde::{Deserialize, Serialize};

/// WCAG AA's minimum contrast for body text.
pub const AA_TEXT_CONTRAST: f64 = 4.5;

/// The longest organization name the header has room for.
pub const NAME_MAX_CHARS: usize = 80;

/// The page background in light mode; brand colours are text on it.
pub const LIGHT_BACKGROUND: Rgb = Rgb::new(0xf5, 0xf7, 0xfb);
/// The card surface in light mode.
pub const LIGHT_SURFACE: Rgb = Rgb::new(0xff, 0xff, 0xff);
/// The page background in dark mode.
pub const DARK_BACKGROUND: Rgb = Rgb::new(0x0b, 0x12, 0x20);
/// The card surface in dark mode (lighter than the background, so the harder test).
pub const DARK_SURFACE: Rgb = Rgb::new(0x12, 0x1a, 0x2b);
/// The shipped primary colour.
pub const DEFAULT_PRIMARY: Rgb = Rgb::new(0x1d, 0x4e, 0xd8);
/// The shipped accent colour.
pub const DEFAULT_ACCENT: Rgb = Rgb::new(0x0f, 0x76, 0x6e);

/// An sRGB colour, written `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rgb {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

impl Rgb {
    /// A colour from its channels.
    pub const fn new(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }

    /// Reads `#rrggbb` or `#rgb` (case-insensitive, the `#` optional); `None` otherwise.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.trim().trim_start_matches('#');
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |index: usize, width: usize| {
            let digits = hex.get(index * width..(index + 1) * width)?;
            let value = u8::from_str_radix(digits, 16).ok()?;
            Some(if width == 1 { value * 17 } else { value })
        };
        let width = match hex.len() {
            3 => 1,
            6 => 2,
            _ => return None,
        };
        Some(Self::new(
            channel(0, width)?,
            channel(1, width)?,
            channel(2, width)?,
        ))
    }

    /// The colour as `#rrggbb`, lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// WCAG 2 relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let linear = |channel: u8| {
            let c = f64::from(channel) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// WCAG 2 contrast ratio with `other`, 1 to 21.
    pub fn contrast(self, other: Self) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a >= b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }

    /// This colour moved `share` (0–1) of the way towards `target`.
    pub fn mix(self, target: Self, share: f64) -> Self {
        let blend = |from: u8, to: u8| {
            let value = f64::from(from) + (f64::from(to) - f64::from(from)) * share;
            // Rounded and clamped to a channel, so the cast cannot truncate.
            value.round().clamp(0.0, 255.0) as u8
        };
        Self::new(
            blend(self.r, target.r),
            blend(self.g, target.g),
            blend(self.b, target.b),
        )
    }

    /// The least change of this colour towards `target` that reaches `contrast` on
    /// `background`; `None` if even `target` does not.
    pub fn nearest_with_contrast(
        self,
        target: Self,
        background: Self,
        contrast: f64,
    ) -> Option<Self> {
        if self.contrast(background) >= contrast {
            return Some(self);
        }
        (1..=100)
            .map(|step| self.mix(target, f64::from(step) / 100.0))
            .find(|colour| colour.contrast(background) >= contrast)
    }
}

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.hex())
    }
}

impl TryFrom<String> for Rgb {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text).ok_or_else(|| format!("{text:?} is not a colour like #1d4ed8"))
    }
}

impl From<Rgb> for String {
    fn from(colour: Rgb) -> Self {
        colour.hex()
    }
}

/// The typefaces an admin can choose: font stacks of fonts the readers' devices already
/// have, so no font is downloaded and the content security policy stays strict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BrandFont {
    /// The device's interface font.
    #[default]
    System,
    /// A humanist sans serif (Seravek, Gill Sans, Calibri, Ubuntu).
    Humanist,
    /// A geometric sans serif (Avenir, Montserrat, Century Gothic).
    Geometric,
    /// A book serif (Charter, Cambria, Georgia).
    Serif,
    /// A rounded sans serif.
    Rounded,
}

impl BrandFont {
    /// Every choice, in the order the editor lists them.
    pub const ALL: [Self; 5] = [
        Self::System,
        Self::Humanist,
        Self::Geometric,
        Self::Serif,
        Self::Rounded,
    ];

    /// The stored key.
    pub fn key(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Humanist => "humanist",
            Self::Geometric => "geometric",
            Self::Serif => "serif",
            Self::Rounded => "rounded",
        }
    }

    /// The font for a stored key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|font| font.key() == key)
    }

    /// The CSS `font-family` value.
    pub fn stack(self) -> &'static str {
        match self {
            Self::System => {
                "\"Inter\", \"Segoe UI\", system-ui, -apple-system, \"Helvetica Neue\", Arial, sans-serif"
            }
            Self::Humanist => {
                "Seravek, \"Gill Sans Nova\", Ubuntu, Calibri, \"DejaVu Sans\", source-sans-pro, sans-serif"
            }
            Self::Geometric => {
                "Avenir, Montserrat, Corbel, \"URW Gothic\", \"Century Gothic\", source-sans-pro, sans-serif"
            }
            Self::Serif => {
                "Charter, \"Bitstream Charter\", \"Sitka Text\", Cambria, Georgia, serif"
            }
            Self::Rounded => {
                "ui-rounded, \"Hiragino Maru Gothic ProN\", Quicksand, Comfortaa, Manjari, \"Arial Rounded MT\", Calibri, sans-serif"
            }
        }
    }
}

/// The brand as stored and as every page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrandTheme {
    /// The organization's name, shown in the header and page titles.
    pub organization_name: String,
    /// The primary colour (links, buttons, the selected series) as chosen for light mode.
    pub primary: Rgb,
    /// The accent colour (highlights, the reader's own cluster) as chosen for light mode.
    pub accent: Rgb,
    /// The typeface.
    pub font: BrandFont,
    /// Where the logo is served, with a version so a new logo is fetched at once; `None`
    /// shows the product's mark.
    pub logo: Option<String>,
}

impl BrandTheme {
    /// The shipped brand with this organization name.
    pub fn shipped(organization_name: String) -> Self {
        Self {
            organization_name,
            primary: DEFAULT_PRIMARY,
            accent: DEFAULT_ACCENT,
            font: BrandFont::System,
            logo: None,
        }
    }

    /// The colours of both modes.
    pub fn palette(&self) -> BrandPalette {
        BrandPalette {
            light: ModeColours::light(self.primary, self.accent),
            dark: ModeColours::dark(self.primary, self.accent),
        }
    }

    /// The stylesheet that lays this brand over the shipped tokens, in both modes and for
    /// a reader's explicit choice of mode (`<html data-theme>`).
    pub fn stylesheet(&self) -> String {
        let palette = self.palette();
        let light = palette.light.declarations();
        let dark = palette.dark.declarations();
        format!(
            "/* {name} */\n:root {{\n{light}  --font-body: {font};\n{both}}}\n\
             @media (prefers-color-scheme: dark) {{\n  :root:not([data-theme=\"light\"]) {{\n{dark}  }}\n}}\n\
             :root[data-theme=\"dark\"] {{\n{dark}}}\n",
            name = self.organization_name.replace("*/", ""),
            font = self.font.stack(),
            both = palette.both_modes(),
        )
    }
}

/// The brand colours of one mode, each with enough contrast for text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModeColours {
    /// Links and button backgrounds.
    pub primary: Rgb,
    /// Text on a primary background.
    pub primary_contrast: Rgb,
    /// Highlights.
    pub accent: Rgb,
}

impl ModeColours {
    /// Light mode uses the chosen colours (the editor refuses any without AA contrast).
    pub fn light(primary: Rgb, accent: Rgb) -> Self {
        Self {
            primary,
            primary_contrast: text_on(primary),
            accent,
        }
    }

    /// Dark mode lightens each colour just enough for AA contrast on the dark surface,
    /// so the brand keeps its hue.
    pub fn dark(primary: Rgb, accent: Rgb) -> Self {
        let white = Rgb::new(0xff, 0xff, 0xff);
        let lighten = |colour: Rgb| {
            colour
                .nearest_with_contrast(white, DARK_SURFACE, AA_TEXT_CONTRAST + 0.1)
                .unwrap_or(white)
        };
        let primary = lighten(primary);
        Self {
            primary,
            primary_contrast: text_on(primary),
            accent: lighten(accent),
        }
    }

    fn declarations(self) -> String {
        format!(
            "  --brand-primary: {};\n  --brand-primary-contrast: {};\n  --brand-accent: {};\n",
            self.primary, self.primary_contrast, self.accent
        )
    }
}

/// The light and dark colours of a brand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BrandPalette {
    /// Light mode.
    pub light: ModeColours,
    /// Dark mode.
    pub dark: ModeColours,
}

impl BrandPalette {
    /// Both modes' colours under their own names (`--brand-light-primary`…), for the
    /// editor's side-by-side preview.
    fn both_modes(self) -> String {
        [("light", self.light), ("dark", self.dark)]
            .into_iter()
            .map(|(mode, colours)| {
                format!(
                    "  --brand-{mode}-primary: {};\n  --brand-{mode}-primary-contrast: {};\n  --brand-{mode}-accent: {};\n",
                    colours.primary, colours.primary_contrast, colours.accent
                )
            })
            .collect()
    }
}

/// White or the dark background, whichever reads better on `background`.
fn text_on(background: Rgb) -> Rgb {
    let white = Rgb::new(0xff, 0xff, 0xff);
    if white.contrast(background) >= DARK_BACKGROUND.contrast(background) {
        white
    } else {
        DARK_BACKGROUND
    }
}

/// Which brand colour a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BrandColourField {
    /// The primary colour.
    Primary,
    /// The accent colour.
    Accent,
}

/// Why a brand form cannot be saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum BrandProblem {
    /// The organization name is empty.
    NameMissing,
    /// The organization name is longer than [`NAME_MAX_CHARS`].
    NameTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// A colour field does not hold a colour.
    NotAColour {
        /// Which field.
        field: BrandColourField,
        /// What it held.
        text: String,
    },
    /// A colour is too light to read as text on the light background.
    TooLittleContrast {
        /// Which field.
        field: BrandColourField,
        /// The colour chosen.
        colour: Rgb,
        /// Its contrast on the light background.
        ratio: f64,
        /// The nearest darker shade that passes.
        suggestion: Option<Rgb>,
    },
    /// The font is not one of [`BrandFont::ALL`].
    UnknownFont {
        /// What was sent.
        key: String,
    },
}

/// What the brand editor sends.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrandForm {
    /// The organization's name.
    pub organization_name: String,
    /// The primary colour as typed.
    pub primary: String,
    /// The accent colour as typed.
    pub accent: String,
    /// The font key.
    pub font: String,
}

/// A checked brand form: what will be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedBrand {
    /// The trimmed name.
    pub organization_name: String,
    /// The primary colour.
    pub primary: Rgb,
    /// The accent colour.
    pub accent: Rgb,
    /// The font.
    pub font: BrandFont,
}

impl BrandForm {
    /// Checks every field; all problems at once, so the admin fixes them in one go.
    pub fn check(&self) -> Result<CheckedBrand, Vec<BrandProblem>> {
        let mut problems = Vec::new();
        let name = self.organization_name.trim();
        let chars = name.chars().count();
        if name.is_empty() {
            problems.push(BrandProblem::NameMissing);
        } else if chars > NAME_MAX_CHARS {
            problems.push(BrandProblem::NameTooLong { chars });
        }
        let mut colour = |field: BrandColourField, text: &str| {
            let Some(colour) = Rgb::parse(text) else {
                problems.push(BrandProblem::NotAColour {
                    field,
                    text: text.to_owned(),
                });
                return None;
            };
            let ratio = light_contrast(colour);
            if ratio < AA_TEXT_CONTRAST {
                let black = Rgb::new(0, 0, 0);
                problems.push(BrandProblem::TooLittleContrast {
                    field,
                    colour,
                    ratio,
                    suggestion: colour.nearest_with_contrast(
                        black,
                        LIGHT_BACKGROUND,
                        AA_TEXT_CONTRAST + 0.1,
                    ),
                });
                return None;
            }
            Some(colour)
        };
        let primary = colour(BrandColourField::Primary, &self.primary);
        let accent = colour(BrandColourField::Accent, &self.accent);
        let font = BrandFont::from_key(&self.font);
        if font.is_none() {
            problems.push(BrandProblem::UnknownFont {
                key: self.font.clone(),
            });
        }
        match (primary, accent, font) {
            (Some(primary), Some(accent), Some(font)) if problems.is_empty() => Ok(CheckedBrand {
                organization_name: name.to_owned(),
                primary,
                accent,
                font,
            }),
            _ => Err(problems),
        }
    }
}

impl From<&BrandTheme> for BrandForm {
    fn from(theme: &BrandTheme) -> Self {
        Self {
            organization_name: theme.organization_name.clone(),
            primary: theme.primary.hex(),
            accent: theme.accent.hex(),
            font: theme.font.key().to_owned(),
        }
    }
}

/// A colour's contrast as text in light mode: on the page background, which is darker
/// than the card surface and so the harder of the two.
pub fn light_contrast(colour: Rgb) -> f64 {
    colour
        .contrast(LIGHT_BACKGROUND)
        .min(colour.contrast(LIGHT_SURFACE))
}

/// The reader's choice of light or dark, kept in a cookie so the server renders it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ThemeMode {
    /// Follow the device's setting.
    #[default]
    Device,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeMode {
    /// The cookie that keeps the choice.
    pub const COOKIE: &'static str = "memberpulse_theme";

    /// The value of `<html data-theme>`; none when following the device.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Self::Device => None,
            Self::Light => Some("light"),
            Self::Dark => Some("dark"),
        }
    }

    /// The mode a cookie or attribute value names; the device's for anything else.
    pub fn from_attribute(value: &str) -> Self {
        match value {
            "light" => Self::Light,
            "dark" => Self::Dark,
            _ => Self::Device,
        }
    }

    /// The mode a `Cookie` header chose.
    pub fn from_cookie_header(header: &str) -> Self {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == Self::COOKIE)
            .map_or(Self::Device, |(_, value)| Self::from_attribute(value))
    }

    /// The next mode of the toggle: device, light, dark, device.
    pub fn next(self) -> Self {
        match self {
            Self::Device => Self::Light,
            Self::Light => Self::Dark,
            Self::Dark => Self::Device,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_read_long_and_short_forms_and_refuse_others() {
        assert_eq!(Rgb::parse("#1D4ED8"), Some(Rgb::new(0x1d, 0x4e, 0xd8)));
        assert_eq!(Rgb::parse("fff"), Some(Rgb::new(255, 255, 255)));
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("#gggggg"), None);
        assert_eq!(Rgb::parse("red"), None);
        assert_eq!(Rgb::new(1, 2, 255).hex(), "#0102ff");
    }

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        let white = Rgb::new(255, 255, 255);
        let black = Rgb::new(0, 0, 0);
        assert!((white.contrast(black) - 21.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert!((Rgb::new(0x76, 0x76, 0x76).contrast(white) - 4.54).abs() < 0.01);
        assert!((white.contrast(white) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_shipped_brand_passes_aa_in_both_modes() {
        let palette = BrandTheme::shipped("Northwind".into()).palette();
        for mode in [palette.light, palette.dark] {
            assert!(mode.primary.contrast(mode.primary_contrast) >= AA_TEXT_CONTRAST);
        }
        assert!(light_contrast(palette.light.primary) >= AA_TEXT_CONTRAST);
        assert!(light_contrast(palette.light.accent) >= AA_TEXT_CONTRAST);
        assert!(palette.dark.primary.contrast(DARK_SURFACE) >= AA_TEXT_CONTRAST);
        assert!(palette.dark.accent.contrast(DARK_SURFACE) >= AA_TEXT_CONTRAST);
    }

    #[test]
    fn dark_mode_lightens_a_dark_brand_colour_and_keeps_its_hue() {
        let maroon = Rgb::new(0x80, 0x00, 0x20);
        let dark = ModeColours::dark(maroon, maroon);
        assert!(dark.primary.contrast(DARK_SURFACE) >= AA_TEXT_CONTRAST);
        assert!(
            dark.primary.r > dark.primary.g,
            "still reddish: {}",
            dark.primary
        );
        assert_eq!(dark.primary_contrast, DARK_BACKGROUND);
    }

    #[test]
    fn a_light_colour_is_refused_with_the_nearest_shade_that_passes() {
        let form = BrandForm {
            organization_name: "Northwind".into(),
            primary: "#ffcc00".into(),
            accent: "#0f766e".into(),
            font: "serif".into(),
        };
        let problems = form.check().expect_err("yellow on white cannot be read");
        let [
            BrandProblem::TooLittleContrast {
                field,
                ratio,
                suggestion: Some(suggestion),
                ..
            },
        ] = problems.as_slice()
        else {
            panic!("one contrast problem expected: {problems:?}");
        };
        assert_eq!(*field, BrandColourField::Primary);
        assert!(*ratio < 2.0);
        assert!(light_contrast(*suggestion) >= AA_TEXT_CONTRAST);
    }

    #[test]
    fn every_problem_of_a_form_is_named_at_once() {
        let form = BrandForm {
            organization_name: " ".into(),
            primary: "blue".into(),
            accent: "#fff".into(),
            font: "comic".into(),
        };
        let problems = form.check().expect_err("nothing here is valid");
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert_eq!(problems[0], BrandProblem::NameMissing);
    }

    #[test]
    fn a_good_form_is_trimmed_and_typed() {
        let form = BrandForm {
            organization_name: "  Northwind Entrepreneurs ".into(),
            primary: "#8a1538".into(),
            accent: "#005f73".into(),
            font: "geometric".into(),
        };
        let checked = form.check().expect("a readable brand");
        assert_eq!(checked.organization_name, "Northwind Entrepreneurs");
        assert_eq!(checked.font, BrandFont::Geometric);
        assert_eq!(checked.primary.hex(), "#8a1538");
    }

    #[test]
    fn the_stylesheet_sets_both_modes_and_the_explicit_choice() {
        let mut theme = BrandTheme::shipped("Northwind".into());
        theme.primary = Rgb::new(0x8a, 0x15, 0x38);
        theme.font = BrandFont::Serif;
        let css = theme.stylesheet();
        assert!(css.contains("--brand-primary: #8a1538;"), "{css}");
        assert!(css.contains("Charter"), "{css}");
        assert!(css.contains(":root:not([data-theme=\"light\"])"), "{css}");
        assert!(css.contains(":root[data-theme=\"dark\"]"), "{css}");
        let dark = theme.palette().dark.primary.hex();
        assert_eq!(
            css.matches(&format!("--brand-primary: {dark};")).count(),
            2,
            "{css}"
        );
    }

    #[test]
    fn the_mode_cookie_is_read_among_others() {
        assert_eq!(
            ThemeMode::from_cookie_header("a=b; memberpulse_theme=dark"),
            ThemeMode::Dark
        );
        assert_eq!(
            ThemeMode::from_cookie_header("memberpulse_theme=nonsense"),
            ThemeMode::Device
        );
        assert_eq!(ThemeMode::from_cookie_header(""), ThemeMode::Device);
        assert_eq!(ThemeMode::Dark.next(), ThemeMode::Device);
    }
}
