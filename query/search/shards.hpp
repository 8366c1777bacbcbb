// Opening the databases behind --db: index directories, Xapian stub files and the shards they
// list (local paths, remote tcp and prog servers), each on its own so that a failing shard can
// be named and, with --allow-partial, left out.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fundstelle::query {

struct ShardSpec {
  enum class Kind { kLocal, kRemoteTcp, kRemoteProg };
  Kind kind = Kind::kLocal;
  std::filesystem::path path;  // kLocal
  std::string host;            // kRemoteTcp
  unsigned port = 0;           // kRemoteTcp
  std::string program;         // kRemoteProg
  std::string args;            // kRemoteProg
  // How the user sees it in messages: a path, "tcp 127.0.0.1:6000", "prog ssh host ...".
  [[nodiscard]] std::string name() const;
};

// The shards behind one --db argument: a directory with a XAPIANDB stub or a stub file gives
// the shards it lists (relative paths resolved against the stub's directory); anything else is
// one local database. Xapian's stub syntax ("auto PATH", "glass PATH", "remote HOST:PORT",
// "remote :PROGRAM ARGS") and the spelled-out "remote tcp HOST PORT" are understood. Throws
// std::runtime_error on a stub line it cannot read.
[[nodiscard]] std::vector<ShardSpec> list_shards(const std::filesystem::path& db);

struct OpenShard {
  ShardSpec spec;
  Xapian::Database db;
};

// Opens one shard; Xapian errors propagate (the caller names the shard).
[[nodiscard]] Xapian::Database open_shard(const ShardSpec& shard);

}  // namespace fundstelle::query
