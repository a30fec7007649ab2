#pragma once

// A failure as a value: what was being done, on which file, layer and feature, and why.
// C++20 has no std::expected; Result<T> is the small stand-in used at I/O boundaries.

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace greenrenew::core {

enum class ErrorKind { BadInput, BadUsage, Internal };

struct Error {
    ErrorKind kind = ErrorKind::BadInput;
    std::string operation;  // "open", "read layer", "reproject", ...
    std::string path;
    std::string layer;
    std::optional<long long> featureId;
    std::string message;    // the library's or our own explanation

    /// One line naming everything known: "open /a/b.shp, layer x, feature 3: message".
    std::string describe() const
    {
        std::string text = operation;
        if (!path.empty())
            text += " " + path;
        if (!layer.empty())
            text += ", layer " + layer;
        if (featureId)
            text += ", feature " + std::to_string(*featureId);
        return text + ": " + message;
    }
};

template <typename T>
class Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(m_state); }
    const T& value() const { return std::get<T>(m_state); }
    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

} // namespace greenrenew::core
