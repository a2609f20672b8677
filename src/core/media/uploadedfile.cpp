#include "media/uploadedfile.h"

namespace nemo::media {

UploadedFile UploadedFile::fromJson(const QJsonObject &object)
{
    UploadedFile file;
    file.raw = object;
    file.filename = object.value(QLatin1String("filename")).toString();
    file.fileType = object.value(QLatin1String("file_type")).toString();
    file.cdnUrl = object.value(QLatin1String("cdn_url")).toString();
    file.hash = object.value(QLatin1String("hash")).toString();
    file.duration = object.value(QLatin1String("duration")).toDouble();
    file.width = object.value(QLatin1String("width")).toInt();
    file.height = object.value(QLatin1String("height")).toInt();
    file.fps = object.value(QLatin1String("fps")).toDouble();
    return file;
}

} // namespace nemo::media
