#include "common/theme.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

#include <cmath>

namespace nemo::app {

namespace {

QString &systemStyleName()
{
    static QString name;
    return name;
}

// Fusion with its media and title-bar icons in the palette's text colour: its own are a fixed grey that
// all but vanishes on a dark background (1.3:1 for full screen, 1.9:1 for play). Icons are drawn
// again when the theme changes (a new style reaches every widget as QEvent::StyleChange).
class ThemeStyle : public QProxyStyle
{
public:
    ThemeStyle()
        : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
    { }

    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option, const QWidget *widget) const override
    {
        const QIcon base = QProxyStyle::standardIcon(icon, option, widget);
        switch (icon) {
        case SP_MediaPlay:
        case SP_MediaPause:
        case SP_MediaStop:
        case SP_TitleBarMaxButton:
        case SP_TitleBarNormalButton:
        case SP_TitleBarCloseButton:
        case SP_DockWidgetCloseButton:
        case SP_DialogCloseButton:
            break;
        default:
            return base;
        }
        // The application's palette: a widget's own may not have followed a theme change yet when its
        // StyleChange asks for icons.
        const QPalette palette = QApplication::palette();
        QIcon tinted;
        QList<QSize> sizes = base.availableSizes();
        if (sizes.isEmpty())
            sizes = {QSize(16, 16), QSize(32, 32)};
        for (const QSize &size : std::as_const(sizes)) {
            for (const auto mode : {QIcon::Normal, QIcon::Disabled}) {
                QPixmap pixmap = base.pixmap(size);
                QPainter painter(&pixmap);
                painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
                painter.fillRect(
                    pixmap.rect(),
                    palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                                  QPalette::ButtonText));
                painter.end();
                tinted.addPixmap(pixmap, mode);
            }
        }
        return tinted;
    }
};

} // namespace

bool Theme::systemPrefersDark()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark)
        return true;
    if (QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Light)
        return false;
#endif
    // Qt 6.4 has no color scheme hint: a dark platform palette says it.
    const QPalette palette = QApplication::style()->standardPalette();
    return palette.color(QPalette::Window).lightness() < 110;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor text(230, 230, 230);
    const QColor disabled(127, 127, 127);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(53, 53, 57));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Light, QColor(70, 70, 74));
    p.setColor(QPalette::Midlight, QColor(60, 60, 64));
    p.setColor(QPalette::Mid, QColor(80, 80, 85));
    p.setColor(QPalette::Dark, QColor(20, 20, 22));
    p.setColor(QPalette::Shadow, Qt::black);
    // White on the selection at 5.3:1, and the selection itself apart from the window (WCAG AA).
    p.setColor(QPalette::Highlight, QColor(40, 102, 196));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(110, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 255));
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QPalette Theme::lightPalette()
{
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette palette = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    // Fusion's selection (48, 140, 198) holds white text at 3.7:1; a deeper blue reaches AA.
    palette.setColor(QPalette::Active, QPalette::Highlight, QColor(34, 102, 170));
    palette.setColor(QPalette::Inactive, QPalette::Highlight, QColor(34, 102, 170));
    return palette;
}

void Theme::apply(AppSettings::Theme theme)
{
    if (systemStyleName().isEmpty())
        systemStyleName() = QApplication::style()->name();
    bool dark = theme == AppSettings::Theme::Dark;
    if (theme == AppSettings::Theme::System) {
        QApplication::setStyle(QStyleFactory::create(systemStyleName()));
        dark = systemPrefersDark();
        if (!dark || QApplication::style()->standardPalette().color(QPalette::Window).lightness() < 110) {
            // The platform's own palette (light, or dark where the platform provides one).
            QApplication::setPalette(QApplication::style()->standardPalette());
            return;
        }
    }
    // An explicit choice, or a dark system without a dark platform palette: Fusion honours palettes
    // everywhere.
    // The palette first: the new style's StyleChange then draws the icons in its colours.
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    QApplication::setStyle(new ThemeStyle);
}

// Deep enough that white words on them reach 4.5:1 (WCAG AA), in either appearance.
QColor Theme::mediaColor(media::MediaKind kind)
{
    switch (kind) {
    case media::MediaKind::Image:
        return QColor(40, 105, 180);
    case media::MediaKind::Video:
        return QColor(128, 70, 190);
    case media::MediaKind::Audio:
        return QColor(24, 122, 84);
    case media::MediaKind::Unknown:
        break;
    }
    return QColor(100, 100, 108);
}

QColor Theme::titleColor()
{
    return QColor(176, 90, 16);
}

QColor Theme::textOn(const QColor &fill)
{
    // WCAG's relative luminance: white reaches 4.5:1 on anything darker than 0.183.
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    const double luminance =
        0.2126 * channel(fill.redF()) + 0.7152 * channel(fill.greenF()) + 0.0722 * channel(fill.blueF());
    const double onWhite = 1.05 / (luminance + 0.05);
    const double onDark = (luminance + 0.05) / 0.0597; // (25, 25, 25)
    return onWhite >= onDark ? QColor(Qt::white) : QColor(25, 25, 25);
}

media::MediaKind Theme::kindOfName(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    if (dot < 0 || name.size() - dot > 6)
        return media::MediaKind::Unknown;
    return media::MediaValidator::kindForExtension(name.mid(dot + 1));
}

QColor Theme::goodText(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(80, 200, 120) : QColor(20, 120, 60);
}

QColor Theme::badText(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(255, 110, 110) : QColor(190, 40, 40);
}

void Theme::paintFocusRing(QPainter *painter, const QRect &rect, const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
    painter->drawRect(QRectF(rect).adjusted(1, 1, -1, -1));
    painter->restore();
}

} // namespace nemo::app
