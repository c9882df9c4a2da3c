// The repairs that are not a run decoding with one code page: single C1 control
// characters (bytes of Windows-1252 read as Latin-1), and "Ã " where the UTF-8 of "à"
// lost its second byte, a no-break space, to a plain space.
#ifndef NOTESTORE_LIB_REPAIR_SPECIAL_CASES_H_
#define NOTESTORE_LIB_REPAIR_SPECIAL_CASES_H_

#include <string>
#include <string_view>

#include "repair/mojibake.h"

namespace notestore::repair {

std::string RepairSpecialCases(std::string_view text, RepairReport* report);

}  // namespace notestore::repair

#endif  // NOTESTORE_LIB_REPAIR_SPECIAL_CASES_H_
