#include "search/shards.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fundstelle::query {
namespace {

namespace fs = std::filesystem;

// Remote shards that do not answer must not hang the query: 10 s to connect, 60 s per request.
constexpr unsigned kConnectTimeoutMs = 10'000;
constexpr unsigned kRequestTimeoutMs = 60'000;

ShardSpec local(const fs::path& stub_dir, const std::string& path) {
  ShardSpec spec;
  spec.path = fs::path(path).is_absolute() ? fs::path(path) : stub_dir / path;
  return spec;
}

ShardSpec tcp(const std::string& host, const std::string& port, const fs::path& stub) {
  char* end = nullptr;
  const unsigned long number = std::strtoul(port.c_str(), &end, 10);
  if (host.empty() || port.empty() || *end != '\0' || number == 0 || number > 65535) {
    throw std::runtime_error("stub file " + stub.string() + ": bad remote address '" + host + ":" +
                             port + "'");
  }
  ShardSpec spec;
  spec.kind = ShardSpec::Kind::kRemoteTcp;
  spec.host = host;
  spec.port = static_cast<unsigned>(number);
  return spec;
}

ShardSpec parse_remote(const std::string& rest, const fs::path& stub) {
  std::istringstream words(rest);
  std::string first;
  words >> first;
  if (first == "tcp") {  // "remote tcp HOST PORT"
    std::string host, port;
    words >> host >> port;
    return tcp(host, port, stub);
  }
  if (first == "prog") {  // "remote prog PROGRAM ARGS..."
    ShardSpec spec;
    spec.kind = ShardSpec::Kind::kRemoteProg;
    words >> spec.program;
    std::getline(words >> std::ws, spec.args);
    return spec;
  }
  if (!rest.empty() && rest[0] == ':') {  // Xapian: "remote :PROGRAM ARGS"
    ShardSpec spec;
    spec.kind = ShardSpec::Kind::kRemoteProg;
    const size_t space = rest.find(' ');
    spec.program = rest.substr(1, space == std::string::npos ? std::string::npos : space - 1);
    if (space != std::string::npos) spec.args = rest.substr(space + 1);
    return spec;
  }
  const size_t colon = rest.rfind(':');  // Xapian: "remote HOST:PORT"
  if (colon == std::string::npos) {
    throw std::runtime_error("stub file " + stub.string() + ": bad remote line 'remote " + rest +
                             "'");
  }
  return tcp(rest.substr(0, colon), rest.substr(colon + 1), stub);
}

std::vector<ShardSpec> read_stub(const fs::path& stub) {
  std::ifstream in(stub);
  if (!in) throw std::runtime_error("cannot read stub file " + stub.string());
  std::vector<ShardSpec> shards;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t space = line.find(' ');
    const std::string type = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    if ((type == "auto" || type == "glass" || type == "chert") && !rest.empty()) {
      shards.push_back(local(stub.parent_path(), rest));
    } else if (type == "remote") {
      shards.push_back(parse_remote(rest, stub));
    } else {
      throw std::runtime_error("stub file " + stub.string() + ": cannot read line '" + line + "'");
    }
  }
  return shards;
}

}  // namespace

std::string ShardSpec::name() const {
  switch (kind) {
    case Kind::kLocal:
      return path.string();
    case Kind::kRemoteTcp:
      return "tcp " + host + ":" + std::to_string(port);
    case Kind::kRemoteProg:
      return "prog " + program + (args.empty() ? "" : " " + args);
  }
  return {};
}

std::vector<ShardSpec> list_shards(const fs::path& db) {
  std::error_code error;
  if (fs::is_directory(db, error) && fs::is_regular_file(db / "XAPIANDB", error)) {
    return read_stub(db / "XAPIANDB");
  }
  if (fs::is_regular_file(db, error)) return read_stub(db);
  ShardSpec spec;
  spec.path = db;
  return {spec};
}

Xapian::Database open_shard(const ShardSpec& shard) {
  switch (shard.kind) {
    case ShardSpec::Kind::kRemoteTcp:
      return Xapian::Remote::open(shard.host, shard.port, kRequestTimeoutMs, kConnectTimeoutMs);
    case ShardSpec::Kind::kRemoteProg:
      return Xapian::Remote::open(shard.program, shard.args, kRequestTimeoutMs);
    case ShardSpec::Kind::kLocal:
      break;
  }
  return Xapian::Database(shard.path.string());
}

}  // namespace fundstelle::query
