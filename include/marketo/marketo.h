#ifndef MARKETO_MARKETO_H_
#define MARKETO_MARKETO_H_

/// @file
/// Umbrella header: everything a user of the marketo-soap SDK needs.

#include "marketo/auth.h"
#include "marketo/campaign_client.h"
#include "marketo/connection.h"
#include "marketo/custom_object_client.h"
#include "marketo/error_codes.h"
#include "marketo/idempotency.h"
#include "marketo/lead.h"
#include "marketo/lead_activity.h"
#include "marketo/lead_client.h"
#include "marketo/limits.h"
#include "marketo/list_client.h"
#include "marketo/metadata.h"
#include "marketo/mobject.h"
#include "marketo/mobject_client.h"
#include "marketo/mobject_connection.h"
#include "marketo/operation.h"
#include "marketo/options.h"
#include "marketo/query.h"
#include "marketo/retry.h"
#include "marketo/span.h"
#include "marketo/status.h"
#include "marketo/status_or.h"
#include "marketo/sync.h"
#include "marketo/tag_client.h"
#include "marketo/timing.h"
#include "marketo/validation.h"
#include "marketo/version.h"

#endif  // MARKETO_MARKETO_H_
