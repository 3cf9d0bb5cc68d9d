#pragma once
// Expected<T>: either a value or an Error (std::expected arrives with C++23).
#include "core/common/Error.h"

#include <cassert>
#include <utility>
#include <variant>

namespace sl::core {

template <typename T>
class [[nodiscard]] Expected {
public:
    Expected(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Expected(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool hasValue() const { return m_state.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T& value() & { assert(hasValue()); return std::get<0>(m_state); }
    const T& value() const& { assert(hasValue()); return std::get<0>(m_state); }
    T&& value() && { assert(hasValue()); return std::get<0>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { assert(!hasValue()); return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For functions that return nothing on success.
struct Ok {};
using Status = Expected<Ok>;

}  // namespace sl::core
