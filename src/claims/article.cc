// HTML to text, publication dates, sentence boundaries: the article reader under `immstats check`.
#include "claims/article.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "base/civil_date.h"
#include "base/utf8.h"

namespace immstats::claims {
namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
  }
  return true;
}

// Decodes the entity starting at s[0] == '&'; returns the bytes consumed (0 if not an entity).
size_t DecodeEntity(std::string_view s, std::string* out) {
  const size_t semi = s.find(';');
  if (semi == std::string_view::npos || semi > 10) return 0;
  const std::string_view name = s.substr(1, semi - 1);
  static const std::array<std::pair<const char*, uint32_t>, 16> kNamed = {{
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '},
      {"rsquo", 0x2019}, {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"mdash", 0x2014},
      {"ndash", 0x2013}, {"hellip", 0x2026}, {"eacute", 0xE9}, {"ntilde", 0xF1}, {"ocirc", 0xF4},
  }};
  if (!name.empty() && name[0] == '#') {
    uint32_t cp = 0;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    for (size_t i = hex ? 2 : 1; i < name.size(); ++i) {
      const char c = name[i];
      if (hex && std::isxdigit(static_cast<unsigned char>(c))) {
        cp = cp * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10));
      } else if (!hex && std::isdigit(static_cast<unsigned char>(c))) {
        cp = cp * 10 + static_cast<uint32_t>(c - '0');
      } else {
        return 0;
      }
    }
    if (cp == 0xA0) cp = ' ';
    base::AppendUtf8(cp, out);
    return semi + 1;
  }
  for (const auto& [n, cp] : kNamed) {
    if (name == n) {
      base::AppendUtf8(cp, out);
      return semi + 1;
    }
  }
  return 0;
}

std::string AttrValue(std::string_view tag, std::string_view attr) {
  size_t at = 0;
  while ((at = tag.find(attr, at)) != std::string_view::npos) {
    size_t p = at + attr.size();
    while (p < tag.size() && tag[p] == ' ') ++p;
    if (p < tag.size() && tag[p] == '=') {
      ++p;
      while (p < tag.size() && tag[p] == ' ') ++p;
      if (p < tag.size() && (tag[p] == '"' || tag[p] == '\'')) {
        const char q = tag[p];
        const size_t end = tag.find(q, p + 1);
        if (end != std::string_view::npos) return std::string(tag.substr(p + 1, end - p - 1));
      }
    }
    at += attr.size();
  }
  return {};
}

bool LooksLikeHtml(std::string_view s) {
  for (const char* t : {"<p", "<P", "<html", "<HTML", "<div", "<body", "<article", "<br", "<h1", "<!DOCTYPE", "<!doctype"}) {
    if (s.find(t) != std::string_view::npos) return true;
  }
  return false;
}

std::string NormalizeSpaces(std::string_view s) {
  // Collapses runs of spaces and tabs; keeps paragraph breaks (a blank line) and drops other line breaks.
  std::string out;
  int newlines = 0;
  bool space = false;
  for (char c : s) {
    if (c == '\r') continue;
    if (c == '\n') {
      ++newlines;
      continue;
    }
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (!out.empty()) {
      if (newlines >= 2) {
        out += "\n\n";
      } else if (newlines == 1 || space) {
        out.push_back(' ');
      }
    }
    newlines = 0;
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::optional<int32_t> ParseWrittenDate(std::string_view text, size_t* length) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  size_t p = 0;
  auto digits = [&](int max) {
    int v = 0, n = 0;
    while (p < text.size() && std::isdigit(static_cast<unsigned char>(text[p])) && n < max) {
      v = v * 10 + (text[p++] - '0');
      ++n;
    }
    return n == 0 ? -1 : v;
  };
  auto month_word = [&]() {
    for (int m = 0; m < 12; ++m) {
      if (StartsWithNoCase(text.substr(p), kMonths[m])) {
        p += 3;
        while (p < text.size() && std::isalpha(static_cast<unsigned char>(text[p]))) ++p;
        if (p < text.size() && text[p] == '.') ++p;
        return m + 1;
      }
    }
    return 0;
  };
  auto done = [&](int y, int m, int d) -> std::optional<int32_t> {
    if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    if (length != nullptr) *length = p;
    return base::DaysFromCivil(y, m, d);
  };
  if (std::isdigit(static_cast<unsigned char>(text.empty() ? ' ' : text[0]))) {
    const int first = digits(4);
    if (first >= 1990 && p < text.size() && text[p] == '-') {  // 2024-03-05
      ++p;
      const int m = digits(2);
      if (p < text.size() && text[p] == '-') {
        ++p;
        return done(first, m, digits(2));
      }
      return std::nullopt;
    }
    if (p < text.size() && text[p] == ' ') {  // 5 March 2024
      ++p;
      const int m = month_word();
      if (m == 0 || p >= text.size() || text[p] != ' ') return std::nullopt;
      ++p;
      return done(digits(4), m, first);
    }
    return std::nullopt;
  }
  const int m = month_word();  // March 5, 2024
  if (m == 0 || p >= text.size() || text[p] != ' ') return std::nullopt;
  ++p;
  const int d = digits(2);
  if (d < 0 || p + 1 >= text.size() || text[p] != ',') return std::nullopt;
  ++p;
  while (p < text.size() && text[p] == ' ') ++p;
  return done(digits(4), m, d);
}

std::vector<Sentence> SplitSentences(std::string_view text) {
  static const std::array<const char*, 24> kAbbrev = {"U.S", "U.N", "Mr", "Mrs", "Ms", "Dr", "St", "No", "Gov", "Sen",
                                                      "Rep", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct",
                                                      "Nov", "Dec", "Jr", "vs", "Inc"};
  std::vector<Sentence> out;
  size_t start = 0;
  auto emit = [&](size_t end) {
    size_t b = start;
    while (b < end && (text[b] == ' ' || text[b] == '\n')) ++b;
    size_t e = end;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
    if (e > b) out.push_back(Sentence{std::string(text.substr(b, e - b)), b});
    start = end;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' && i + 1 < text.size() && text[i + 1] == '\n') {  // a paragraph ends a sentence
      emit(i);
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    while (j < text.size() && (text[j] == '"' || text[j] == '\'' || text[j] == ')' ||
                               static_cast<unsigned char>(text[j]) == 0xE2)) {
      // closing quotes, including the UTF-8 right double quote (E2 80 9D)
      if (static_cast<unsigned char>(text[j]) == 0xE2) j += 2;
      ++j;
    }
    if (j >= text.size()) continue;
    if (text[j] != ' ' && text[j] != '\n') continue;
    size_t k = j;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\n')) ++k;
    if (k >= text.size()) continue;
    const unsigned char next = static_cast<unsigned char>(text[k]);
    if (!(std::isupper(next) || std::isdigit(next) || next == '"' || next == 0xE2)) continue;
    if (c == '.') {
      size_t w = i;
      while (w > start && !std::isspace(static_cast<unsigned char>(text[w - 1]))) --w;
      const std::string_view word = text.substr(w, i - w);
      bool abbrev = word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]));  // initials: "J. Smith"
      for (const char* a : kAbbrev) abbrev = abbrev || word == a;
      if (abbrev && !(word == "U.S" && std::isupper(next) && text.compare(k, 4, "The ") == 0)) continue;
    }
    emit(j);
  }
  emit(text.size());
  return out;
}

Article ReadArticle(std::string_view input) {
  Article a;
  std::string text;
  if (LooksLikeHtml(input)) {
    size_t i = 0;
    while (i < input.size()) {
      const char c = input[i];
      if (c == '<') {
        const size_t end = input.find('>', i);
        if (end == std::string_view::npos) break;
        const std::string_view tag = input.substr(i + 1, end - i - 1);
        std::string name;
        for (char t : tag.substr(tag.size() > 0 && tag[0] == '/' ? 1 : 0)) {
          if (!std::isalnum(static_cast<unsigned char>(t))) break;
          name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(t))));
        }
        const bool closing = !tag.empty() && tag[0] == '/';
        if (!closing && (name == "script" || name == "style" || name == "head" || name == "noscript")) {
          if (name == "head") {
            // The head holds the publication date in meta tags: read them before skipping it.
            const size_t head_end = input.find("</head", end);
            const std::string_view head = input.substr(end, head_end == std::string_view::npos ? 0 : head_end - end);
            for (size_t m = head.find("<meta"); m != std::string_view::npos; m = head.find("<meta", m + 1)) {
              const size_t me = head.find('>', m);
              const std::string_view meta = head.substr(m, me - m);
              const std::string prop = AttrValue(meta, "property") + AttrValue(meta, "name") + AttrValue(meta, "itemprop");
              if (!a.date && (prop == "article:published_time" || prop == "datePublished" || prop == "pubdate" ||
                              prop == "date")) {
                if (auto d = ParseWrittenDate(AttrValue(meta, "content"))) {
                  a.date = d;
                  a.date_source = "meta " + prop;
                }
              }
            }
          }
          const size_t close = input.find("</" + name, end);
          i = close == std::string_view::npos ? input.size() : input.find('>', close) + 1;
          continue;
        }
        if (!closing && name == "time" && !a.date) {
          if (auto d = ParseWrittenDate(AttrValue(tag, "datetime"))) {
            a.date = d;
            a.date_source = "time element";
          }
        }
        static const char* kBlocks[] = {"p", "div", "br", "h1", "h2", "h3", "h4", "li", "tr", "article", "section",
                                        "blockquote", "header", "footer", "figcaption", "title"};
        for (const char* b : kBlocks) {
          if (name == b) text += "\n\n";
        }
        i = end + 1;
        continue;
      }
      if (c == '&') {
        const size_t n = DecodeEntity(input.substr(i), &text);
        if (n > 0) {
          i += n;
          continue;
        }
      }
      text.push_back(c);
      ++i;
    }
  } else {
    text = std::string(input);
  }
  a.text = NormalizeSpaces(text);
  // A dateline or byline date: "WASHINGTON, March 5, 2024 (AP) —" or "Published March 5, 2024" near the top.
  if (!a.date) {
    const std::string_view head = std::string_view(a.text).substr(0, 600);
    for (size_t p = 0; p < head.size(); ++p) {
      if (p > 0 && std::isalnum(static_cast<unsigned char>(head[p - 1]))) continue;
      size_t len = 0;
      if (auto d = ParseWrittenDate(head.substr(p), &len)) {
        a.date = d;
        const std::string_view before = head.substr(p >= 12 ? p - 12 : 0, p >= 12 ? 12 : p);
        a.date_source = before.find("ublished") != std::string_view::npos || before.find("pdated") != std::string_view::npos
                            ? "byline"
                            : "dateline";
        break;
      }
    }
  }
  a.sentences = SplitSentences(a.text);
  return a;
}

}  // namespace immstats::claims
