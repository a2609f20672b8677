#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace nemo::fake {

struct MultipartPartHead
{
    QByteArray name;
    QString filename;
    QByteArray contentType;
};

// A multipart/form-data parser fed as bytes arrive; part bodies are handed on in pieces, so a
// 200 MB file never sits in memory.
class MultipartReader
{
public:
    explicit MultipartReader(const QByteArray &boundary);

    static QByteArray boundaryFromContentType(const QByteArray &contentType);
    static MultipartPartHead parsePartHeaders(const QByteArray &headerBlock);

    std::function<void(const MultipartPartHead &)> onPartBegin;
    std::function<void(QByteArrayView)> onPartData;
    std::function<void()> onPartEnd;

    void feed(QByteArrayView data);
    bool isComplete() const { return m_state == State::Epilogue; }
    bool hasError() const { return m_state == State::Error; }

private:
    enum class State
    {
        Preamble,
        AfterDelimiter,
        Headers,
        Body,
        Epilogue,
        Error
    };

    QByteArray m_dashBoundary;
    QByteArray m_delimiter;
    QByteArray m_buffer;
    State m_state = State::Preamble;
};

} // namespace nemo::fake
