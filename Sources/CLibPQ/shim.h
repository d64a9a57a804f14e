#ifndef FUSION_CLIBPQ_SHIM_H
#define FUSION_CLIBPQ_SHIM_H

/*
 * The only door from Swift to libpq, PostgreSQL's client library (Debian: libpq-dev).
 *
 * libpq's API is plain functions, which Swift imports as they are; this shim only finds the header
 * (Debian keeps it in /usr/include/postgresql/) and gives a notice receiver that keeps server notices
 * off stderr, where they would scribble over the dashboard. Nothing here has state.
 */

#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

/// Drops a server notice (NOTICE, WARNING sent outside an error): the store reports what matters itself.
static inline void fusion_pq_drop_notice(void *argument, const PGresult *result) {
    (void)argument;
    (void)result;
}

/// Installs ``fusion_pq_drop_notice`` on a connection.
static inline void fusion_pq_silence_notices(PGconn *connection) {
    PQsetNoticeReceiver(connection, fusion_pq_drop_notice, (void *)0);
}

#endif
