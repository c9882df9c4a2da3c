// Umbrella header: everything a client of notestore needs.
#ifndef NOTESTORE_NOTESTORE_H_
#define NOTESTORE_NOTESTORE_H_

#include "notestore/error.h"
#include "notestore/ingest.h"
#include "notestore/store.h"
#include "notestore/version.h"
#include "notestore/watch.h"

#endif  // NOTESTORE_NOTESTORE_H_
