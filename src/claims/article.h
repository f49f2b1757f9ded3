// An article as plain text: HTML tags stripped, entities decoded, the publication date found, sentences split.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace immstats::claims {

struct Sentence {
  std::string text;
  size_t offset = 0;  // byte offset of the sentence in Article::text
};

struct Article {
  std::string text;                  // plain text, paragraphs separated by blank lines
  std::optional<int32_t> date;       // publication date (days since 1970-01-01), if found
  std::string date_source;           // where it was found: "meta", "time element", "dateline", "byline"
  std::vector<Sentence> sentences;
};

// Reads `input` (HTML when it looks like HTML, else plain text). Script, style and head content are dropped;
// block elements end paragraphs; entities (&amp; &nbsp; &#8217; &rsquo; ...) are decoded to UTF-8.
Article ReadArticle(std::string_view input);

// "March 5, 2024", "Mar. 5, 2024", "5 March 2024", "2024-03-05" at the start of `text`: the day and the length read.
std::optional<int32_t> ParseWrittenDate(std::string_view text, size_t* length = nullptr);

// Splits plain text into sentences: ., ! or ? followed by a space and a capital, a digit or a quote, except
// after abbreviations (U.S., Jan., Mr., No., St.) and inside numbers (12.5).
std::vector<Sentence> SplitSentences(std::string_view text);

}  // namespace immstats::claims
