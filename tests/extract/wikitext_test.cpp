#include "extract/wikitext.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fundstelle::extract {
namespace {

// Blocks as compact lines: "p: text", "h2: text", "li: ...", "cap: ...", "td: ...", "pre: ...".
std::string describe(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& block : blocks) {
    if (!out.empty()) out += '\n';
    switch (block.kind) {
      case BlockKind::kHeading:
        out += "h" + std::to_string(block.level);
        break;
      case BlockKind::kParagraph:
        out += "p";
        break;
      case BlockKind::kListItem:
        out += "li";
        break;
      case BlockKind::kQuote:
        out += "quote";
        break;
      case BlockKind::kCaption:
        out += "cap";
        break;
      case BlockKind::kTableCell:
        out += "td";
        break;
      case BlockKind::kPreformatted:
        out += "pre";
        break;
    }
    out += ": " + block.text;
  }
  return out;
}

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

struct Case {
  const char* name;
  std::string wikitext;
  std::string expected;
};

TEST(WikitextTest, ConvertsMarkupToBlocks) {
  const Case cases[] = {
      {"paragraphs", "Ein Satz.\nZweite Zeile.\n\n\nNeuer Absatz.",
       "p: Ein Satz. Zweite Zeile.\np: Neuer Absatz."},
      {"nested templates", "Vor {{A|{{B|x|{{C}}}}|y}} nach.", "p: Vor nach."},
      {"multi-line infobox",
       "{{Infobox Ort\n| Name = Köln\n| Land = {{Flagge|DE}}\n\n| Karte = [[Datei:K.png]]\n}}\n"
       "'''Köln''' ist eine Stadt.",
       "p: Köln ist eine Stadt."},
      {"template parameters", "a {{{1|x}}} b {{{{{x}}}}} c {{{{y}}}} d", "p: a b c d"},
      {"links", "[[Köln]] und [[Bonn|die Stadt ''Bonn'']] sowie [[Haus]]es und [[Foo_bar]]",
       "p: Köln und die Stadt Bonn sowie Hauses und Foo bar"},
      {"a bracket before a link stays text", "geflohen[[[Quelle|quelle]] fehlt] und [[[Bonn]]]",
       "p: geflohen[quelle fehlt] und [Bonn]"},
      {"pipe trick", "[[Köln (Begriffsklärung)|]] und [[Hilfe:Links|]]", "p: Köln und Links"},
      {"colon links are links", "[[:Kategorie:Orte|alle Orte]] und [[:en:Cologne]]",
       "p: alle Orte und en:Cologne"},
      {"refs",
       "Satz.<ref>Quelle {{cite|x}} [[Y]]</ref> Weiter.<ref name=\"a\" /> Ende.<ref "
       "name=b>X</ref><REF>Y</REF>",
       "p: Satz. Weiter. Ende."},
      {"references section",
       "Text.\n== Einzelnachweise ==\n<references />\n<references>\n<ref "
       "name=\"a\">A</ref>\n</references>",
       "p: Text."},
      {"empty sections",
       "Text.\n== Leer ==\n== Voll ==\n=== Unten ===\nInhalt.\n=== Auch leer ===\n== Weblinks "
       "==\n* [http://example.org]\n== Einzelnachweise ==\n<references />",
       "p: Text.\nh2: Voll\nh3: Unten\np: Inhalt."},
      {"table",
       "{| class=\"wikitable\"\n|+ Einwohner\n! Stadt !! Zahl\n|-\n| [[Köln|Cologne]] || "
       "1.000.000\n|-\n| style=\"color:red\" | Bonn\n| 300.000\n|}\nDanach.",
       "cap: Einwohner\ntd: Stadt\ntd: Zahl\ntd: Cologne\ntd: 1.000.000\ntd: Bonn\ntd: 300.000\n"
       "p: Danach."},
      {"nested and indented tables", "{|\n| Außen\n{|\n| Innen\n|}\n|}\n:{|\n| Eingerückt\n|}",
       "td: Außen\ntd: Innen\ntd: Eingerückt"},
      {"multi-line cell", "{|\n|\n* eins\n* zwei\n| drei\nvier\n|}",
       "td: eins zwei\ntd: drei vier"},
      {"file with caption",
       "[[Datei:Dom.jpg|mini|200px|hochkant=1.2|alt=Dom|Der [[Kölner Dom]] bei Nacht]]\nDer Dom "
       "ist alt.",
       "p: Der Dom ist alt.\ncap: Der Kölner Dom bei Nacht"},
      {"files without caption",
       "[[File:X.png|thumb|left]] Text [[Bild:Y.svg]] [[Image:Z.png|x20px]]", "p: Text"},
      {"gallery", "<gallery>\nDatei:A.jpg|Erstes Bild\nB.jpg|Zweites [[Bild]]\nC.jpg\n</gallery>",
       "cap: Erstes Bild\ncap: Zweites Bild"},
      {"categories and interlanguage",
       "Text.\n[[Kategorie:Ort in NRW]]\n[[Category:Stadt|Koln]]\n[[en:Cologne]] [[fr:Cologne]]",
       "p: Text."},
      {"headings",
       "== Geschichte ==\nText\n=== [[Antike]] ===\nA\n====== Tief ======\nB\n= Eins =\nC\n=== "
       "Schief ==\nD\n\n==\n==Ohne Leerzeichen==\nE",
       "h2: Geschichte\np: Text\nh3: Antike\np: A\nh6: Tief\np: B\nh1: Eins\np: C\nh2: = "
       "Schief\np: D\nh2: Ohne Leerzeichen\np: E"},
      {"lists",
       "* Eins\n* [[Zwei]]\n# Drei\n#* Vier\n: Eingerückt\n; Begriff : Erklärung\n;Nur Begriff",
       "li: Eins\nli: Zwei\nli: Drei\nli: Vier\np: Eingerückt\np: Begriff\np: Erklärung\np: Nur "
       "Begriff"},
      {"bold and italic",
       "'''Fett''' und ''kursiv'' und '''''beides''''' und l'''a'''ut, Peter's ''''x''''",
       "p: Fett und kursiv und beides und laut, Peter's 'x'"},
      {"comments",
       "Vor<!-- Kommentar -->nach\n<!-- ganze Zeile -->\nweiter\n<!--\nmehrzeilig\n\n-->",
       "p: Vornach weiter"},
      {"external links",
       "[https://example.org Beispiel ''Seite''] und [http://x.y] und [//a.b c] und "
       "https://bare.org [kein Link]",
       "p: Beispiel Seite und und c und https://bare.org [kein Link]"},
      {"html tags",
       "A<br>B<br />C <small>klein</small> <span style=\"x\">s</span>pan x<sup>2</sup> a < b",
       "p: A B C klein span x2 a < b"},
      {"entities",
       "&amp; &lt;x&gt; &nbsp;D&#8211;E&#x2014;F Stra&szlig;e Tochter&shy;firma &bogus; &#0;",
       "p: & <x> D–E—F Straße Tochterfirma &bogus; \uFFFD"},
      {"magic words", "__TOC__\nText __NOTOC__ mehr __KEIN_INHALTSVERZEICHNIS__ a_b __x__",
       "p: Text mehr a_b __x__"},
      {"nowiki", "<nowiki>[[kein Link]] {{keine Vorlage}} &amp;</nowiki> und <nowiki/>x",
       "p: [[kein Link]] {{keine Vorlage}} & und x"},
      {"math and friends", "Die Formel <math>E = mc^2</math> gilt.<chem>H2O</chem>",
       "p: Die Formel gilt."},
      {"pre", "Text\n<pre>\ncode   hier\n&lt;b&gt;\n</pre>\nMehr",
       "p: Text\npre: code hier\n<b>\np: Mehr"},
      {"poem", "<poem>\nZeile eins\nZeile zwei\n</poem>", "p: Zeile eins Zeile zwei"},
      {"horizontal rule", "Eins\n----\nZwei\n---- Drei", "p: Eins\np: Zwei\np: Drei"},
      {"redirect", "#WEITERLEITUNG [[Köln]]", "p: Köln"},
      {"leading spaces are not preformatted", "  Text mit Einzug", "p: Text mit Einzug"},
      {"carriage returns", "== Kopf ==\r\nZeile\r\n", "h2: Kopf\np: Zeile"},
      {"stray DEL bytes",
       "A\x7f"
       "0\x7f"
       "B",
       "p: A0B"},
      // Malformed wikitext: damage stays within the paragraph.
      {"unclosed template", "Absatz eins.\n\n{{Infobox\n| Name = X\nText hier\n\nAbsatz drei.",
       "p: Absatz eins.\np: Absatz drei."},
      {"unclosed template mid-line", "Vor {{kaputt nach\n\nWeiter.", "p: Vor\np: Weiter."},
      {"stray closers", "Text }} mehr ]] und } und ] noch", "p: Text mehr und } und ] noch"},
      {"unclosed link", "Text [[offen und weiter", "p: Text offen und weiter"},
      {"unclosed comment", "Eins <!-- offen\nnoch\n\nZwei", "p: Eins\np: Zwei"},
      {"unclosed ref", "Eins.<ref>offen\n\nZwei", "p: Eins.\np: Zwei"},
      {"unclosed nowiki", "Eins <nowiki>''zwei''", "p: Eins zwei"},
      {"unclosed table", "{|\n| Zelle\n\nAbsatz nach der Tabelle.\n\n== Kopf ==\nText",
       "td: Zelle\np: Absatz nach der Tabelle.\nh2: Kopf\np: Text"},
      {"table with blank line before its end", "{|\n| A\n\n| B\n|}\nC", "td: A\ntd: B\np: C"},
      {"unclosed external link", "[http://x.y ohne Ende\nText", "p: [http://x.y ohne Ende Text"},
      {"empty", "", ""},
      {"only markup", "{{A}}\n[[Kategorie:B]]\n<!-- c -->\n__NOTOC__", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(describe(wikitext_to_blocks(c.wikitext)), c.expected) << c.name;
  }
}

TEST(WikitextTest, ReturnsCategoriesInOrderWithoutDuplicates) {
  const WikitextContent content = parse_wikitext(
      "Text.\n[[Kategorie:Ort in NRW]]\n[[Category:Stadt|Koln]]\n[[Kategorie:Ort_in_NRW]]\n"
      "[[ kategorie : Kreisfreie Stadt ]]\n[[:Kategorie:Nur verlinkt]]");
  EXPECT_EQ(content.categories,
            (std::vector<std::string>{"Ort in NRW", "Stadt", "Kreisfreie Stadt"}));
  EXPECT_EQ(describe(content.blocks), "p: Text. Kategorie:Nur verlinkt");
}

TEST(WikitextTest, SurvivesDeepNesting) {
  constexpr size_t kDepth = 100000;
  const Case cases[] = {
      {"closed templates", repeat("{{", kDepth) + "x" + repeat("}}", kDepth) + " Text", "p: Text"},
      {"unclosed templates", "Vor\n\n" + repeat("{{", kDepth) + "x\n\nDanach", "p: Vor\np: Danach"},
      {"unclosed templates on one line", "Vor " + repeat("{{a ", kDepth) + "\n\nDanach",
       "p: Vor\np: Danach"},
      {"closed links", "Vor " + repeat("[[", kDepth) + "x" + repeat("]]", kDepth), "p: Vor x"},
      {"unclosed links", repeat("[[a", kDepth), "p: " + repeat("a", kDepth)},
      {"nested tables", repeat("{|\n", kDepth) + "| x\n" + repeat("|}\n", kDepth) + "Danach",
       "td: x\np: Danach"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(describe(wikitext_to_blocks(c.wikitext)), c.expected) << c.name;
  }
}

// Inputs that would take quadratic time if each unclosed opener scanned the rest of the page.
TEST(WikitextTest, ManyUnclosedConstructsStayLinear) {
  constexpr size_t kCount = 100000;
  const std::string inputs[] = {
      repeat("<ref>x ", kCount),  repeat("<math>x ", kCount),
      repeat("<!-- x ", kCount),  repeat("[http://a.b x ", kCount),
      repeat("<span x ", kCount), repeat("&amp", kCount),
      repeat("__ABC_", kCount),   repeat("{{", kCount) + repeat("}", kCount),
  };
  for (const std::string& input : inputs) {
    const std::vector<Block> blocks = wikitext_to_blocks(input);
    for (const Block& block : blocks) EXPECT_FALSE(block.text.empty());
  }
}

TEST(WikitextTest, RecognisesRedirects) {
  EXPECT_TRUE(is_wikitext_redirect("#REDIRECT [[Köln]]"));
  EXPECT_TRUE(is_wikitext_redirect("  #weiterleitung [[Köln]]"));
  EXPECT_FALSE(is_wikitext_redirect("# Eins\n#REDIRECT [[Köln]]"));
  EXPECT_FALSE(is_wikitext_redirect("Text"));
}

}  // namespace
}  // namespace fundstelle::extract
