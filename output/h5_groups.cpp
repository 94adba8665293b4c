// Object paths, groups and creation property lists (declared in h5_objects.hpp).
#include <fmt/format.h>

#include "output/h5_objects.hpp"

namespace evsim::output::h5 {

namespace {

constexpr unsigned kTrackAndIndexCreationOrder = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;

}  // namespace

std::vector<std::string> split_path(const Where& where) {
  const std::string_view path = where.object;
  if (path.empty() || path.front() != '/') reject(where, "invalid object path: it must start with '/'");
  std::vector<std::string> components;
  if (path == "/") return components;
  std::size_t begin = 1;
  while (true) {
    const std::size_t end = std::min(path.find('/', begin), path.size());
    const std::string_view component = path.substr(begin, end - begin);
    if (component.empty() || component == "." || component == "..") {
      reject(where, "invalid object path: empty, \".\" or \"..\" component");
    }
    components.emplace_back(component);
    if (end == path.size()) break;
    begin = end + 1;
  }
  return components;
}

std::string child_path(std::string_view parent, std::string_view name) {
  if (parent == "/") return fmt::format("/{}", name);
  return fmt::format("{}/{}", parent, name);
}

Handle group_creation_plist(const Where& where) {
  Handle plist = checked(H5Pcreate(H5P_GROUP_CREATE), H5Pclose, where, "cannot create group property list");
  set_root_group_properties(plist.get(), where);
  return plist;
}

Handle dataset_creation_plist(const Where& where) {
  Handle plist = checked(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, where, "cannot create dataset property list");
  check(H5Pset_obj_track_times(plist.get(), false), where, "cannot turn off object timestamps");
  return plist;
}

void set_root_group_properties(hid_t plist, const Where& where) {
  check(H5Pset_obj_track_times(plist, false), where, "cannot turn off object timestamps");
  check(H5Pset_link_creation_order(plist, kTrackAndIndexCreationOrder), where,
        "cannot turn on link creation order");
}

bool object_exists(hid_t file, const Where& where) {
  std::string path = "/";
  for (const std::string& component : split_path(where)) {
    path = child_path(path, component);
    const Where step{where.file, path};
    if (!check_tri(H5Lexists(file, path.c_str(), kDefault), step, "cannot look up object")) return false;
  }
  return true;
}

Handle open_object(hid_t file, const Where& where) {
  if (!object_exists(file, where)) reject(where, "no such object");
  return checked(H5Oopen(file, std::string(where.object).c_str(), kDefault), H5Oclose, where, "cannot open object");
}

Handle open_group(hid_t file, const Where& where) {
  Handle object = open_object(file, where);
  if (H5Iget_type(object.get()) != H5I_GROUP) reject(where, "not a group");
  return object;
}

Handle open_or_create_group(hid_t file, const Where& where) {
  std::string path = "/";
  Handle group = checked(H5Oopen(file, "/", kDefault), H5Oclose, where, "cannot open root group");
  for (const std::string& component : split_path(where)) {
    path = child_path(path, component);
    const Where step{where.file, path};
    if (check_tri(H5Lexists(file, path.c_str(), kDefault), step, "cannot look up object")) {
      group = open_group(file, step);
    } else {
      const Handle plist = group_creation_plist(step);
      group = checked(H5Gcreate2(file, path.c_str(), kDefault, plist.get(), kDefault), H5Gclose, step,
                      "cannot create group");
    }
  }
  return group;
}

}  // namespace evsim::output::h5
