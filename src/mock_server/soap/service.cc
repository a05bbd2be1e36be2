#include "soap/service.h"

#include <ctime>
#include <exception>

#include "policy/misbehave.h"
#include "semantics/marketo_fault.h"
#include "soap/convert.h"
#include "soap/fault.h"

namespace mock {

MockService::MockService(ServerContext* ctx, soap_mode imode, soap_mode omode)
    : MktowsApiSoapBindingService(imode, omode), ctx_(ctx) {}

MockService* MockService::copy() {
  auto* dup = new MockService(ctx_, soap->imode, soap->omode);
  soap_done(dup->soap);
  soap_copy_context(dup->soap, soap);
  return dup;
}

int MockService::Fault(int code, const std::string& message) {
  own_fault_ = true;
  ctx_->stats.CountFault(code);
  soap->header = nullptr;  // never echo the request header, in faults either
  return soap_senderfault(soap_strdup(soap, FaultString(code).c_str()),
                          soap_strdup(soap, FaultDetail(code, message).c_str()));
}

int MockService::dispatch() {
  own_fault_ = false;
  auth_.reset();
  workspace_.reset();
  // Copy the credentials and drop the parsed header: gSOAP would otherwise serialize it back into
  // the response (the signature included). Responses carry no SOAP Header (docs/protocol.md,
  // "Envelope and namespaces").
  if (soap->header != nullptr && soap->header->mktows__AuthenticationHeader != nullptr) {
    const auto* h = soap->header->mktows__AuthenticationHeader;
    auth_ = AuthCopy{h->mktowsUserId, h->requestSignature, h->requestTimestamp};
  }
  if (soap->header != nullptr && soap->header->mktows__MktowsContextHeader != nullptr) {
    workspace_ = soap->header->mktows__MktowsContextHeader->targetWorkspace;
  }
  soap->header = nullptr;
  const soap_mode omode = soap->omode;  // an operation may add SOAP_XML_NIL for its answer
  int rc = MktowsApiSoapBindingService::dispatch();
  soap->omode = omode;
  soap->header = nullptr;
  if (rc != SOAP_OK && rc < SOAP_STOP && !own_fault_) {
    // Parse errors answer in Marketo's shape instead of gSOAP's own fault text.
    if (rc == SOAP_NO_METHOD) {
      ctx_->stats.CountCall("(unknown operation)");
      rc = Fault(error_codes::kUnsupportedOperation,
                 std::string("Operation not defined in the WSDL: ") +
                     (soap->tag[0] ? soap->tag : "(empty body)"));
    } else {
      ctx_->stats.CountCall("(unparsable request)");
      const auto* framer = static_cast<const RequestFramer*>(soap->user);
      const std::string why =
          framer != nullptr && !framer->stop_reason().empty() ? framer->stop_reason() + ", " : "";
      rc = Fault(error_codes::kRequestNotUnderstood,
                 "Request not understood (" + why + "gSOAP error " + std::to_string(rc) +
                     (soap->tag[0] ? std::string(" at element ") + soap->tag : "") + ")");
    }
    soap->error = rc;
  }
  auth_.reset();
  workspace_.reset();
  return rc;
}

int MockService::UnreadableRequest(const std::string& why) {
  ctx_->stats.CountCall("(unparsable request)");
  const int rc = Fault(
      error_codes::kRequestNotUnderstood,
      "Request not understood (" + why + ", gSOAP error " + std::to_string(soap->error) + ")");
  soap->error = rc;
  return rc;
}

int MockService::Handle(const char* op, const std::function<void()>& body) {
  soap->header = nullptr;
  ctx_->stats.CountCall(op);
  ConcurrencyGauge::InFlight in_flight(ctx_->concurrency);
  const Options& o = ctx_->options;
  if (const auto delay = ctx_->latency.Next(); delay.count() > 0) ctx_->shutdown.SleepFor(delay);

  const FaultDecision d = ctx_->faults.Decide(op);
  if (d.fire) ctx_->stats.CountInjected(d.label);
  if (d.fire && !d.after_commit) {
    if (d.code) return Fault(*d.code, ErrorText(*d.code));
    in_flight.Release();  // injected misbehaviour (a hang above all) does not hold a slot
    return Misbehave(soap, op, d.kind, ctx_);
  }

  const int auth = CheckAuthentication(ctx_->auth, auth_ ? &auth_->user_id : nullptr,
                                       auth_ ? &auth_->signature : nullptr,
                                       auth_ ? &auth_->timestamp : nullptr, std::time(nullptr));
  if (auth == error_codes::kAuthenticationFailed) {
    return Fault(error_codes::kAuthenticationFailed, "Authentication failed");
  }
  if (auth == error_codes::kRequestExpired) {
    return Fault(error_codes::kRequestExpired,
                 "Request has expired: requestTimestamp is not within " +
                     std::to_string(o.max_skew_s) + " seconds of the server time");
  }
  if (!ctx_->quota.Admit()) {
    return Fault(error_codes::kRequestLimitExceeded,
                 "Daily request limit of " + std::to_string(o.daily_quota) + " calls exceeded");
  }
  if (!ctx_->rate.Admit(RateLimiter::Clock::now())) {
    return Fault(error_codes::kRateLimitExceeded,
                 "Rate limit of " + std::to_string(o.rate_limit) + " calls per " +
                     std::to_string(o.rate_window_ms) + " ms exceeded");
  }
  if (in_flight.over_limit()) {
    return Fault(error_codes::kConcurrencyLimitExceeded,
                 "Concurrency limit of " + std::to_string(o.concurrency_limit) + " calls exceeded");
  }
  try {
    body();
  } catch (const MarketoFault& f) {
    return Fault(f.code(), f.what());
  } catch (const std::exception& e) {
    return Fault(error_codes::kInternalError, std::string("Internal error: ") + e.what());
  }
  if (d.fire) {  // after commit: the answer is lost
    in_flight.Release();
    return Misbehave(soap, op, d.kind, ctx_);
  }
  return SOAP_OK;
}

int MockService::syncMObjects(mktows__ParamsSyncMObjects* in, mktows__SuccessSyncMObjects& out) {
  return Handle("syncMObjects", [&] {
    if (in == nullptr) {
      throw MarketoFault(error_codes::kInvalidRequest, "paramsSyncMObjects is missing");
    }
    const auto statuses =
        ctx_->ops.Sync(FromSoap(in->operation), FromSoap(in->mObjectList), std::time(nullptr));
    out.result = soap_new_mktows__ResultSyncMObjects(soap);
    out.result->mObjStatusList = ToSoap(soap, statuses);
  });
}

int MockService::getMObjects(mktows__ParamsGetMObjects* in, mktows__SuccessGetMObjects& out) {
  return Handle("getMObjects", [&] {
    if (in == nullptr) {
      throw MarketoFault(error_codes::kInvalidRequest, "paramsGetMObjects is missing");
    }
    const GetResult r = ctx_->ops.Get(FromSoap(soap, *in));
    out.result = soap_new_mktows__ResultGetMObjects(soap);
    out.result->returnCount = static_cast<int>(r.objects.size());
    out.result->hasMore = r.has_more;
    out.result->newStreamPosition = r.new_stream_position;
    out.result->mObjectList = soap_new_mktows__ArrayOfMObject(soap);
    for (const auto& m : r.objects) out.result->mObjectList->mObject.push_back(ToSoap(soap, m));
  });
}

int MockService::deleteMObjects(mktows__ParamsDeleteMObjects* in,
                                mktows__SuccessDeleteMObjects& out) {
  return Handle("deleteMObjects", [&] {
    if (in == nullptr) {
      throw MarketoFault(error_codes::kInvalidRequest, "paramsDeleteMObjects is missing");
    }
    const auto statuses = ctx_->ops.Delete(FromSoap(in->mObjectList));
    out.result = soap_new_mktows__ResultDeleteMObjects(soap);
    out.result->mObjStatusList = ToSoap(soap, statuses);
  });
}

int MockService::describeMObject(mktows__ParamsDescribeMObject* in,
                                 mktows__SuccessDescribeMObject& out) {
  return Handle("describeMObject", [&] {
    if (in == nullptr) {
      throw MarketoFault(error_codes::kInvalidRequest, "paramsDescribeMObject is missing");
    }
    const ObjectMeta& meta = ctx_->ops.Describe(in->objectName);
    out.result = soap_new_mktows__ResultDescribeMObject(soap);
    out.result->metadata = ToSoap(soap, meta);
  });
}

int MockService::listMObjects(mktows__ParamsListMObjects*, mktows__SuccessListMObjects& out) {
  return Handle("listMObjects", [&] {
    out.result = soap_new_mktows__ResultListMObjects(soap);
    out.result->objects = ctx_->ops.List();
  });
}

}  // namespace mock
