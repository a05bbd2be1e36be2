#ifndef MARKETO_MOBJECT_CONNECTION_H_
#define MARKETO_MOBJECT_CONNECTION_H_

/// @file
/// The names the MObject client used before every family shared one Connection; kept so that
/// existing code compiles unchanged.

#include <memory>
#include <utility>

#include "marketo/connection.h"

namespace marketo {

/// The Connection interface under its first name: `MObjectConnection` and `Connection` are the
/// same type, so an existing implementation or fake keeps working as it is.
using MObjectConnection = Connection;

/// The same as MakeConnection(); the result serves every family client, not only MObjectClient.
inline std::shared_ptr<Connection> MakeMObjectConnection(ClientOptions options) {
  return MakeConnection(std::move(options));
}

}  // namespace marketo

#endif  // MARKETO_MOBJECT_CONNECTION_H_
