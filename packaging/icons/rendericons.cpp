// Renders resources/icons/nemo-studio.svg into the raster icons the installers need:
// hicolor PNGs for Linux, an .ico for Windows, an .icns for macOS.
// Build and run with `cmake --build --preset dev --target render_icons`; the results are committed.
#include <QGuiApplication>
#include <QIcon>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {

QImage render(QSvgRenderer &svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter, QRectF(0, 0, size, size));
    return image;
}

bool save(const QImage &image, const QString &path, const char *format)
{
    QImageWriter writer(path, format);
    if (writer.write(image))
        return true;
    std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(path), qPrintable(writer.errorString()));
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: rendericons <icon.svg> <resources/icons dir>\n");
        return 2;
    }
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    if (!svg.isValid()) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    const QString out = QString::fromLocal8Bit(argv[2]);
    bool ok = true;
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512})
        ok &= save(render(svg, size), QStringLiteral("%1/hicolor/%2x%2/nemo-studio.png").arg(out).arg(size),
                   "png");
    // Windows picks the best size out of the .ico; 256 is the largest it uses.
    ok &= save(render(svg, 256), out + QStringLiteral("/nemo-studio.ico"), "ico");
    ok &= save(render(svg, 1024), out + QStringLiteral("/nemo-studio.icns"), "icns");
    return ok ? 0 : 1;
}
