#ifndef MARKETO_IDEMPOTENCY_H_
#define MARKETO_IDEMPOTENCY_H_

/// @file
/// Which calls may be repeated after an unknown outcome: one rule per operation, applied to each
/// call, overridable through RetryPolicy::idempotency.
///
/// The retry loop (retry.h) repeats a failed call that may have reached the server only when the
/// policy says the call is idempotent. The default policy is a table with one IdempotencyRule per
/// Operation (DefaultIdempotencyRule; printed in the README), applied to what the SDK knows about
/// the call's request (CallDescription).

#include <functional>

#include "marketo/mobject.h"
#include "marketo/operation.h"
#include "marketo/sync.h"

namespace marketo {

/// Whether repeating a call has the same effect as making it once.
enum class Idempotency {
  /// Safe to repeat after an unknown outcome.
  kIdempotent,
  /// Repeating may act twice (create a second record, trigger a campaign again, ...).
  kNonIdempotent,
};

/// Returns the enumerator name without the `k`, e.g. "NonIdempotent".
const char* ToString(Idempotency idempotency) noexcept;

/// How the default policy decides the idempotency of an operation's calls.
enum class IdempotencyRule {
  /// Every call is idempotent: reads, deletes, list membership changes.
  kIdempotent,
  /// No call is idempotent: a repeat would act twice (a campaign run, an import, a merge).
  kNonIdempotent,
  /// A call is idempotent unless its request may create a record that none of its keys names
  /// (CallDescription::creates_unkeyed): a repeat would find nothing to match and create it again.
  kUnlessCreatesUnkeyed,
};

/// Returns the enumerator name without the `k`, e.g. "UnlessCreatesUnkeyed".
const char* ToString(IdempotencyRule rule) noexcept;

/// The default rule of `operation`: one row per WSDL operation.
IdempotencyRule DefaultIdempotencyRule(Operation operation) noexcept;

/// What the SDK knows about one call when it decides whether the call may be repeated.
struct CallDescription {
  /// The operation called.
  Operation operation = Operation::kGetMObjects;
  /// True when the request may create a record that none of its keys names: an INSERT, an
  /// upsert of an object without id or external key, a Program cost line without a cost Id. A
  /// repeat of such a request could create the record twice.
  bool creates_unkeyed = false;
};

/// Decides whether a call may be repeated (RetryPolicy::idempotency). Called once per call from
/// the calling thread; must be thread-safe and must not throw.
using IdempotencyPolicy = std::function<Idempotency(const CallDescription& call)>;

/// The default policy: DefaultIdempotencyRule(call.operation) applied to `call`.
Idempotency DefaultIdempotency(const CallDescription& call) noexcept;

/// The description of one syncMObjects call: `creates_unkeyed` is true for kInsert, for kUpsert
/// when some object has neither `id` nor `external_key`, and for any mode when a Program "Cost"
/// group has no "Id" attribute (it appends a new cost line).
CallDescription DescribeSyncMObjects(MObjectSpan objects, SyncOperation operation) noexcept;

/// Idempotency of one syncMObjects call under the default policy:
/// DefaultIdempotency(DescribeSyncMObjects(objects, operation)).
Idempotency SyncIdempotency(MObjectSpan objects, SyncOperation operation) noexcept;

}  // namespace marketo

#endif  // MARKETO_IDEMPOTENCY_H_
