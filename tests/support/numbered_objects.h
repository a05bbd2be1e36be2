#ifndef MARKETO_TESTS_SUPPORT_NUMBERED_OBJECTS_H_
#define MARKETO_TESTS_SUPPORT_NUMBERED_OBJECTS_H_

// Objects whose Name is their expected id (1000 + input index), so a fake server can answer
// with ids that say which input each result belongs to.

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "marketo/mobject.h"
#include "marketo/sync.h"

namespace marketo_test {

inline std::vector<marketo::MObject> Numbered(std::size_t n) {
  std::vector<marketo::MObject> v;
  v.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    v.push_back(marketo::Opportunity().SetName(std::to_string(1000 + i)));
  }
  return v;
}

// Every one of the n results is CREATED with the id its input's Name announced, in input order.
inline void ExpectAllCreatedInOrder(const marketo::SyncAllResult& all, std::size_t n) {
  ASSERT_EQ(all.results.size(), n);
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(all.results[i].index, i);
    EXPECT_EQ(all.results[i].status, marketo::SyncStatus::kCreated) << i;
    EXPECT_EQ(all.results[i].id, static_cast<std::int64_t>(1000 + i));
  }
}

}  // namespace marketo_test

#endif  // MARKETO_TESTS_SUPPORT_NUMBERED_OBJECTS_H_
