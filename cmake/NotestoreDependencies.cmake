# Every dependency comes from a Debian package; nothing is downloaded at build time.
# The list is repeated in cmake/notestoreConfig.cmake.in for consumers of a static build.
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(SQLiteCpp REQUIRED)        # libsqlitecpp-dev
find_package(yaml-cpp REQUIRED)         # libyaml-cpp-dev
find_package(nlohmann_json 3 REQUIRED)  # nlohmann-json3-dev
find_package(CmarkGfm REQUIRED)         # libcmark-gfm-dev, libcmark-gfm-extensions-dev
