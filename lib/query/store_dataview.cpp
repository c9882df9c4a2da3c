// Store::dataview and Store::render: Dataview queries on the store (lib/dataview).
#include "api/store_impl.h"
#include "dataview/executor.h"
#include "notestore/store.h"
#include "query/guard.h"

namespace notestore {

DataviewResult Store::dataview(const std::string& query, const std::string& context_note) const {
  return query::Guard("dataview query failed",
                      [&] { return dataview::RunQuery(*impl_->db, query, context_note); });
}

std::string Store::render(const std::string& path) const {
  return query::Guard("rendering " + path + " failed",
                      [&] { return dataview::RenderNote(*impl_->db, path); });
}

}  // namespace notestore
