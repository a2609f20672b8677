#pragma once

#include <QJsonObject>
#include <QString>

namespace nemo::media {

// What the service says of a file it took: its name, kind, CDN link and measurements.
struct UploadedFile
{
    QString filename;
    QString fileType;
    QString cdnUrl;
    QString hash;
    double duration = 0;
    int width = 0;
    int height = 0;
    double fps = 0;
    QJsonObject raw;

    static UploadedFile fromJson(const QJsonObject &object);
};

} // namespace nemo::media
