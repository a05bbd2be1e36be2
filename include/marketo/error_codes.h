#ifndef MARKETO_ERROR_CODES_H_
#define MARKETO_ERROR_CODES_H_

/// @file
/// Marketo's SOAP error codes, as named constants with their documented meaning.
///
/// A fault from Marketo carries one of these in `detail/serviceException/code`; the SDK puts it
/// in Status::marketo_error_code(). The list and its texts follow Marketo's "Error Codes" page
/// (see docs/protocol.md, "Faults and error codes"). Header-only, so the mock server uses the
/// same table.

namespace marketo {
/// Named Marketo error codes, e.g. `status.marketo_error_code() == error_codes::kStreamAtEnd`.
namespace error_codes {

/// 10001 "Internal Error": a severe system failure.
inline constexpr int kInternalError = 10001;
/// 20011 "Internal Error": an API service failure.
inline constexpr int kApiServiceFailure = 20011;
/// 20012 "Request Not Understood": the SOAP message was unexpected or unparsable.
inline constexpr int kRequestNotUnderstood = 20012;
/// 20013 "Access Denied": the client is blocked from API access.
inline constexpr int kAccessDenied = 20013;
/// 20014 "Authentication failed": unknown user id or wrong signature.
inline constexpr int kAuthenticationFailed = 20014;
/// 20015 "Request Limit Exceeded": the daily call quota is used up (resets at 12:00 AM CST).
inline constexpr int kRequestLimitExceeded = 20015;
/// 20016 "Request Expired": the timestamp is too old; retry with a fresh signature.
inline constexpr int kRequestExpired = 20016;
/// 20017 "Invalid Request": an expected parameter is missing.
inline constexpr int kInvalidRequest = 20017;
/// 20019 "Unsupported Operation": the operation is not defined in the WSDL.
inline constexpr int kUnsupportedOperation = 20019;
/// 20022: the time range of a query filter exceeds the limit (30 days).
inline constexpr int kTimeRangeExceeded = 20022;
/// 20023 "Rate Limit Exceeded": more than 100 calls in the last 20 seconds.
inline constexpr int kRateLimitExceeded = 20023;
/// 20024 "Concurrency Limit Exceeded": more than 10 calls at once.
inline constexpr int kConcurrencyLimitExceeded = 20024;
/// 20101 "Lead Key Required": the lead key is missing.
inline constexpr int kLeadKeyRequired = 20101;
/// 20102 "Lead Key Bad": the lead key type is invalid.
inline constexpr int kLeadKeyBad = 20102;
/// 20103 "Lead Not Found": no lead matches the key value.
inline constexpr int kLeadNotFound = 20103;
/// 20104 "Lead Detail Required": the lead record is missing.
inline constexpr int kLeadDetailRequired = 20104;
/// 20105 "Lead Attribute Bad": the lead record names an unknown attribute.
inline constexpr int kLeadAttributeBad = 20105;
/// 20106 "Lead Sync Failed": the lead could not be created or updated.
inline constexpr int kLeadSyncFailed = 20106;
/// 20107 "Activity Key Bad": an activity filter names a bad activity type.
inline constexpr int kActivityKeyBad = 20107;
/// 20108 "Lead Owner Not Found": the key names a lead owner that does not exist.
inline constexpr int kLeadOwnerNotFound = 20108;
/// 20109 "Parameter Required": a parameter is null or missing.
inline constexpr int kParameterRequired = 20109;
/// 20110 "Bad Parameter": a parameter value is bad (also an invalid object name).
inline constexpr int kBadParameter = 20110;
/// 20111 "List Not Found": the list key names a list that does not exist.
inline constexpr int kListNotFound = 20111;
/// 20113 "Campaign Not Found": the campaign does not exist.
inline constexpr int kCampaignNotFound = 20113;
/// 20114 "Bad Parameter": a parameter value is bad (a second code for it).
inline constexpr int kInvalidParameter = 20114;
/// 20122 "Bad Stream Position": the stream position is invalid; restart without one.
inline constexpr int kBadStreamPosition = 20122;
/// 20123 "Stream at End": no more records at this stream position.
inline constexpr int kStreamAtEnd = 20123;

/// One row of Marketo's error code table.
struct ErrorCodeInfo {
  /// The numeric code.
  int code;
  /// The short text of Marketo's table, as servers put it in `faultstring`.
  const char* message;
  /// What it means.
  const char* meaning;
};

/// Every documented code, in Marketo's table order.
inline constexpr ErrorCodeInfo kErrorCodeTable[] = {
    {kInternalError, "Internal Error", "severe system failure"},
    {kApiServiceFailure, "Internal Error", "API service failure"},
    {kRequestNotUnderstood, "Request Not Understood", "unexpected or unparsable SOAP message"},
    {kAccessDenied, "Access Denied", "client blocked from API access"},
    {kAuthenticationFailed, "Authentication failed", "invalid user id or signature"},
    {kRequestLimitExceeded, "Request Limit Exceeded", "daily call quota used up"},
    {kRequestExpired, "Request Expired", "timestamp too old; sign a new request"},
    {kInvalidRequest, "Invalid Request", "an expected parameter is missing"},
    {kUnsupportedOperation, "Unsupported Operation", "operation not defined in the WSDL"},
    {kTimeRangeExceeded, "Time range specified in query filter exceeded limit",
     "an update window spans more than 30 days"},
    {kRateLimitExceeded, "Rate Limit Exceeded", "more than 100 calls in the last 20 seconds"},
    {kConcurrencyLimitExceeded, "Concurrency Limit Exceeded", "more than 10 concurrent calls"},
    {kLeadKeyRequired, "Lead Key Required", "lead key missing"},
    {kLeadKeyBad, "Lead Key Bad", "invalid lead key type"},
    {kLeadNotFound, "Lead Not Found", "no lead matches the key value"},
    {kLeadDetailRequired, "Lead Detail Required", "lead record missing"},
    {kLeadAttributeBad, "Lead Attribute Bad", "unknown lead attribute name"},
    {kLeadSyncFailed, "Lead Sync Failed", "lead could not be created or updated"},
    {kActivityKeyBad, "Activity Key Bad", "bad activity type in a filter"},
    {kLeadOwnerNotFound, "Lead Owner Not Found", "the named lead owner does not exist"},
    {kParameterRequired, "Parameter Required", "a parameter is null or missing"},
    {kBadParameter, "Bad Parameter", "a parameter value is bad"},
    {kListNotFound, "List Not Found", "the list does not exist"},
    {kCampaignNotFound, "Campaign Not Found", "the campaign does not exist"},
    {kInvalidParameter, "Bad Parameter", "a parameter value is bad"},
    {kBadStreamPosition, "Bad Stream Position", "invalid stream position"},
    {kStreamAtEnd, "Stream at End", "no more records at this stream position"},
};

/// The table row of `code`, or nullptr for a code Marketo does not document.
constexpr const ErrorCodeInfo* FindErrorCode(int code) noexcept {
  for (const ErrorCodeInfo& row : kErrorCodeTable) {
    if (row.code == code) return &row;
  }
  return nullptr;
}

}  // namespace error_codes
}  // namespace marketo

#endif  // MARKETO_ERROR_CODES_H_
