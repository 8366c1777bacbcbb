// One unit of raw input for the extraction stage: a file's bytes, an archive member, a dump page.
#pragma once

#include <memory>
#include <string>

namespace fundstelle::extract {
struct SiteInfo;
}

namespace fundstelle::sources {

enum class RecordKind {
  kDocument,       // bytes of a file or archive member: format detected from content and name
  kMediaWikiPage,  // one <page> element of a MediaWiki export dump
};

struct InputRecord {
  RecordKind kind = RecordKind::kDocument;
  std::string docid;   // stable id: relative path, "archive.tar.gz/member.html", ...
  std::string source;  // for people: absolute path, "path/archive.tar.gz!member.html"
  std::string name;   // file name used for format detection ("member.html", "x.html" for x.html.gz)
  std::string bytes;  // the content (decompressed)
  std::shared_ptr<const extract::SiteInfo> site;  // kMediaWikiPage: the dump's site info
};

}  // namespace fundstelle::sources
