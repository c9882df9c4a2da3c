#include "notestore/store.h"

#include <SQLiteCpp/Database.h>

#include "api/ingest_runner.h"
#include "api/store_impl.h"
#include "notestore/error.h"
#include "query/fts_rank.h"
#include "query/fts_snippet.h"
#include "store/ingest_lock.h"
#include "store/schema.h"
#include "store/scoped_pragma.h"

namespace notestore {

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path, const OpenOptions& options) {
  if (options.cache_bytes < (int64_t{1} << 20)) {
    throw Error(ErrorCode::kInvalidArgument, "cache_bytes must be at least 1 MiB");
  }
  if (options.mmap_bytes < 0) {
    throw Error(ErrorCode::kInvalidArgument, "mmap_bytes must not be negative");
  }
  const int page = options.page_bytes;
  if (page < 512 || page > 65536 || (page & (page - 1)) != 0) {
    throw Error(ErrorCode::kInvalidArgument,
                "page_bytes must be a power of two from 512 to 65536, not " + std::to_string(page));
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  impl->db =
      store::OpenDatabase(path,
                          store::ConnectionOptions{options.read_only, options.create_if_missing,
                                                   options.busy_timeout_ms, options.cache_bytes,
                                                   options.mmap_bytes, options.page_bytes},
                          &impl->open_message);
  impl->statements = std::make_unique<query::StatementCache>(*impl->db);
  query::RegisterRankFunction(*impl->db);
  query::RegisterInstancesFunction(*impl->db);
  return Store(std::move(impl));
}

IngestReport Store::ingest(const std::string& vault_dir, const IngestOptions& options) {
  if (impl_->options.read_only) {
    throw Error(ErrorCode::kReadOnly, impl_->path + " was opened read-only; cannot ingest");
  }
  const store::IngestLock lock(impl_->path);
  // No memory map while ingesting: mapped pages count in the process's resident size, and
  // an ingest reads most of the file.
  const store::ScopedPragma no_map(*impl_->db, "mmap_size", 0);
  if (!impl_->checkpointer)
    impl_->checkpointer = std::make_unique<store::WalCheckpointer>(*impl_->db);
  return api::RunIngest(*impl_->db, vault_dir, options);
}

const std::string& Store::path() const { return impl_->path; }

const std::string& Store::open_message() const { return impl_->open_message; }

int Store::schema_version() const { return store::SchemaVersion(*impl_->db); }

}  // namespace notestore
