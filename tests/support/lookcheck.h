#pragma once

// What a reviewer checks by eye on a screenshot, measured: every label's and button's text fits its
// rectangle, no two sibling widgets overlap, no widget sticks out of its parent, no panel is one flat
// colour, text and icons stand out from what is behind them (WCAG AA: 4.5:1 for text, 3:1 for large
// text and icons), and no internal id is shown. Each function returns what it found as sentences,
// empty when the window looks right.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSlider>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTextDocument>
#include <QTextEdit>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <vector>

namespace nemo::test {

// WCAG 2's relative luminance and contrast ratio (1 to 21).
inline double relativeLuminance(const QColor &colour)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) +
        0.0722 * channel(colour.blueF());
}

inline double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// A widget as a reviewer would point at it: its kind, its name and the start of its text.
inline QString describe(const QWidget *widget)
{
    QString text;
    if (auto *label = qobject_cast<const QLabel *>(widget))
        text = label->text();
    else if (auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = button->text();
    else if (auto *group = qobject_cast<const QGroupBox *>(widget))
        text = group->title();
    if (text.contains(QLatin1Char('<'))) {
        QTextDocument document;
        document.setHtml(text);
        text = document.toPlainText();
    }
    QString name = QString::fromLatin1(widget->metaObject()->className());
    if (!widget->objectName().isEmpty())
        name += QLatin1Char('#') + widget->objectName();
    else if (!widget->accessibleName().isEmpty())
        name += QStringLiteral(" \"%1\"").arg(widget->accessibleName().left(30));
    if (!text.isEmpty())
        name += QStringLiteral(" \"%1\"").arg(text.simplified().left(40));
    return name;
}

// A window or a dialog and every widget in it.
inline QList<QWidget *> withChildren(QWidget *top)
{
    QList<QWidget *> widgets = top->findChildren<QWidget *>();
    widgets.prepend(top);
    return widgets;
}

// Shown to the person: visible, not scrolled away or covered entirely.
inline bool isShown(const QWidget *widget)
{
    return widget->isVisible() && !widget->visibleRegion().isEmpty() && widget->width() > 0 &&
        widget->height() > 0;
}

// The plain text a label or button shows, without access-key marks or markup.
inline QString plainText(QString text)
{
    if (Qt::mightBeRichText(text)) {
        QTextDocument document;
        document.setHtml(text);
        return document.toPlainText();
    }
    static const QRegularExpression accessKey(QStringLiteral("&(?!&)"));
    return text.replace(accessKey, QString()).replace(QStringLiteral("&&"), QStringLiteral("&"));
}

// The width a line of text needs in this widget's font (the widest line of several).
inline int textWidth(const QWidget *widget, const QString &text)
{
    int widest = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        widest = std::max(widest, widget->fontMetrics().horizontalAdvance(line));
    return widest;
}

// Each label's, button's, box's and group's text fits the rectangle it is drawn in (an ellipsis that
// was put there on purpose fits by construction: the whole text is on its tooltip).
inline QStringList textThatDoesNotFit(QWidget *top)
{
    QStringList found;
    for (QWidget *widget : withChildren(top)) {
        if (!isShown(widget) || widget->isWindow() != (widget == top))
            continue;
        const auto report = [&](int needed, int has, const char *axis) {
            if (needed > has + 1)
                found << QStringLiteral("%1: text needs %2 px %3, has %4")
                             .arg(describe(widget))
                             .arg(needed)
                             .arg(QLatin1String(axis))
                             .arg(has);
        };
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            if (label->text().isEmpty() || label->textFormat() == Qt::MarkdownText)
                continue;
            const QRect inside = label->contentsRect().marginsRemoved(
                QMargins(label->margin(), label->margin(), label->margin(), label->margin()));
            if (label->wordWrap()) {
                report(label->heightForWidth(label->width()), label->height(), "high");
            } else {
                const QSize hint = label->sizeHint();
                report(hint.width(), label->width(), "wide");
                report(label->fontMetrics().height(), inside.height(), "high");
            }
        } else if (auto *box = qobject_cast<QCheckBox *>(widget)) {
            report(box->sizeHint().width(), box->width(), "wide");
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            const QString text = plainText(button->text());
            if (text.isEmpty())
                continue;
            const auto *tool = qobject_cast<QToolButton *>(button);
            if (tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
                continue;
            // The text and the icon beside it, within the button's frame.
            int needed = textWidth(button, text);
            if (!button->icon().isNull() && !(tool && tool->toolButtonStyle() == Qt::ToolButtonTextOnly))
                needed += button->iconSize().width() + 4;
            const int frame =
                tool ? 4 : 2 * button->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, button);
            report(needed + frame, button->width(), "wide");
            report(button->fontMetrics().height(), button->height() - 2, "high");
        } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            if (combo->isEditable() || combo->currentText().isEmpty())
                continue;
            QStyleOptionComboBox option;
            option.initFrom(combo);
            option.editable = false;
            const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                               QStyle::SC_ComboBoxEditField, combo);
            int needed = textWidth(combo, combo->currentText());
            if (!combo->itemIcon(combo->currentIndex()).isNull())
                needed += combo->iconSize().width() + 4;
            report(needed, field.width(), "wide");
        } else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget)) {
            // The hint of an empty box, wrapped to the box's width, within its height.
            if (plain->document()->isEmpty() && !plain->placeholderText().isEmpty()) {
                const int margin = int(2 * plain->document()->documentMargin());
                const QRect needed = plain->fontMetrics().boundingRect(
                    QRect(0, 0, std::max(1, plain->viewport()->width() - margin), 10000), Qt::TextWordWrap,
                    plain->placeholderText());
                report(needed.height(), plain->viewport()->height() - margin, "high for its hint");
            }
        } else if (auto *line = qobject_cast<QLineEdit *>(widget)) {
            if (line->text().isEmpty() && !line->placeholderText().isEmpty())
                report(textWidth(line, line->placeholderText()) + 8, line->width(), "wide for its hint");
        } else if (auto *slider = qobject_cast<QSlider *>(widget)) {
            // A slider needs room to aim with, not a bare handle.
            const int length = slider->orientation() == Qt::Horizontal ? slider->width() : slider->height();
            if (length < 56)
                found << QStringLiteral("%1: a slider shrunk to %2 px").arg(describe(widget)).arg(length);
        } else if (auto *group = qobject_cast<QGroupBox *>(widget)) {
            if (!group->title().isEmpty())
                report(textWidth(group, plainText(group->title())) + 16, group->width(), "wide");
        }
    }
    return found;
}

// No two widgets side by side in one parent cover each other, and none sticks out of its parent.
// The content of a scroll area scrolls (it may be larger than its view), and an overlay that sits on
// purpose over another widget says so with the "overlay" property.
inline QStringList widgetsThatOverlap(QWidget *top)
{
    QStringList found;
    for (QWidget *parent : withChildren(top)) {
        if (!isShown(parent) || (parent->isWindow() && parent != top))
            continue;
        auto *area = qobject_cast<QAbstractScrollArea *>(parent->parentWidget());
        const bool scrolls = area && area->viewport() == parent;
        QList<QWidget *> children;
        for (QObject *object : parent->children()) {
            auto *child = qobject_cast<QWidget *>(object);
            if (child && !child->isWindow() && child->isVisible() && child->width() > 0 &&
                child->height() > 0 && !child->property("overlay").toBool())
                children << child;
        }
        for (qsizetype i = 0; i < children.size(); ++i) {
            const QRect a = children.at(i)->geometry();
            // What scrolls must be reachable: wider or taller than its view with no scroll bar is cut.
            if (scrolls &&
                ((a.width() > parent->width() && !area->horizontalScrollBar()->isVisible()) ||
                 (a.height() > parent->height() && !area->verticalScrollBar()->isVisible()))) {
                found << QStringLiteral("%1 is cut: %2x%3 in a view of %4x%5 that does not scroll there")
                             .arg(describe(children.at(i)))
                             .arg(a.width())
                             .arg(a.height())
                             .arg(parent->width())
                             .arg(parent->height());
            }
            if (!scrolls && !parent->rect().contains(a) && !a.intersected(parent->rect()).isEmpty() &&
                isShown(children.at(i))) {
                found << QStringLiteral("%1 sticks out of %2 (%3,%4 %5x%6 in %7x%8)")
                             .arg(describe(children.at(i)), describe(parent))
                             .arg(a.x())
                             .arg(a.y())
                             .arg(a.width())
                             .arg(a.height())
                             .arg(parent->width())
                             .arg(parent->height());
            }
            for (qsizetype j = i + 1; j < children.size(); ++j) {
                const QRect both = a.intersected(children.at(j)->geometry());
                if (!both.isEmpty())
                    found << QStringLiteral("%1 and %2 overlap (%3x%4 px)")
                                 .arg(describe(children.at(i)), describe(children.at(j)))
                                 .arg(both.width())
                                 .arg(both.height());
            }
        }
    }
    return found;
}

// How strongly the ink in `area` of a picture stands out from its background: the background is the
// commonest colour there, the ink every pixel clearly apart from it, and the figure the contrast that
// the strongest tenth of the ink reaches (a glyph's or an icon's body, not one stray pixel and not its
// smoothed edge). 0 when there is no ink at all.
inline double inkContrast(const QImage &picture, const QRect &area, QColor *background = nullptr)
{
    const QRect inside = area.intersected(picture.rect());
    if (inside.isEmpty())
        return 0;
    QHash<QRgb, int> counts;
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        for (int x = inside.left(); x <= inside.right(); ++x)
            ++counts[picture.pixel(x, y) | 0xff000000u];
    }
    QRgb commonest = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            commonest = it.key();
        }
    }
    const QColor back = QColor::fromRgb(commonest);
    if (background)
        *background = back;
    std::vector<double> ink;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const double ratio = contrastRatio(QColor::fromRgb(it.key()), back);
        if (ratio > 1.25)
            ink.insert(ink.end(), size_t(it.value()), ratio);
    }
    if (ink.size() < 4)
        return 0;
    std::sort(ink.begin(), ink.end(), std::greater<>());
    return ink.at(ink.size() / 10);
}

// Text and icons against what is behind them, read from the picture of `top` (as it is on screen):
// 4.5:1 for text, 3:1 for large text and for icons. Disabled controls are exempt, as in WCAG.
inline QStringList lowContrast(QWidget *top, const QImage &picture)
{
    QStringList found;
    const double scale = picture.width() / double(std::max(1, top->width()));
    const auto areaOf = [&](QWidget *widget, const QRect &rect) {
        const QRect onTop(widget->mapTo(top, rect.topLeft()), rect.size());
        return QRect((onTop.topLeft() * scale), onTop.size() * scale);
    };
    const auto check = [&](QWidget *widget, const QRect &rect, double needed, const char *what) {
        QColor background;
        const double ratio = inkContrast(picture, areaOf(widget, rect), &background);
        if (ratio + 0.05 < needed)
            found << QStringLiteral("%1: %2 at %3:1 against %4 (needs %5:1)")
                         .arg(describe(widget), QLatin1String(what))
                         .arg(ratio, 0, 'f', 1)
                         .arg(background.name())
                         .arg(needed, 0, 'f', 1);
    };
    for (QWidget *widget : withChildren(top)) {
        if (!isShown(widget) || !widget->isEnabled() || widget->isWindow() != (widget == top) ||
            widget->visibleRegion().boundingRect() != widget->rect())
            continue;
        const bool large =
            widget->font().pointSizeF() >= 18 || (widget->font().bold() && widget->font().pointSizeF() >= 14);
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            if (!label->text().trimmed().isEmpty())
                check(label, label->contentsRect(), large ? 3.0 : 4.5, "text");
            if (label->text().contains(QLatin1String("<a "))) {
                QColor background;
                inkContrast(picture, areaOf(label, label->contentsRect()), &background);
                const double ratio = contrastRatio(label->palette().color(QPalette::Link), background);
                if (ratio < 4.5)
                    found << QStringLiteral("%1: link at %2:1 against %3 (needs 4.5:1)")
                                 .arg(describe(label))
                                 .arg(ratio, 0, 'f', 1)
                                 .arg(background.name());
            }
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            // Inside the button's frame, where its text and icon are.
            const QRect inside = button->rect().adjusted(4, 4, -4, -4);
            if (inside.width() < 4 || inside.height() < 4)
                continue;
            if (!plainText(button->text()).trimmed().isEmpty())
                check(button, inside, large ? 3.0 : 4.5, "text");
            else if (!button->icon().isNull())
                check(button, inside, 3.0, "icon");
        }
    }
    return found;
}

// The palette's own pairs of text and background (what item views and custom painting draw with).
inline QStringList paletteContrast(const QPalette &palette)
{
    const struct
    {
        QPalette::ColorRole text, back;
        const char *name;
    } pairs[] = {
        {QPalette::WindowText, QPalette::Window, "window text"},
        {QPalette::Text, QPalette::Base, "text in fields and lists"},
        {QPalette::Text, QPalette::AlternateBase, "text on alternate rows"},
        {QPalette::ButtonText, QPalette::Button, "button text"},
        {QPalette::HighlightedText, QPalette::Highlight, "selected text"},
        {QPalette::ToolTipText, QPalette::ToolTipBase, "tooltips"},
        {QPalette::Link, QPalette::Base, "links in fields"},
        {QPalette::Link, QPalette::Window, "links"},
        {QPalette::PlaceholderText, QPalette::Base, "placeholder text"},
    };
    QStringList found;
    for (const auto &pair : pairs) {
        const double ratio = contrastRatio(palette.color(QPalette::Active, pair.text),
                                           palette.color(QPalette::Active, pair.back));
        if (ratio < 4.5)
            found << QStringLiteral("palette: %1 at %2:1 (needs 4.5:1)")
                         .arg(QLatin1String(pair.name))
                         .arg(ratio, 0, 'f', 1);
    }
    return found;
}

// A panel that is one flat colour shows nothing (a black video surface, an unpainted area).
inline QStringList flatPanels(const QList<QWidget *> &panels, QWidget *top, const QImage &picture)
{
    QStringList found;
    const double scale = picture.width() / double(std::max(1, top->width()));
    for (QWidget *panel : panels) {
        if (!panel || !isShown(panel))
            continue;
        const QRect area(QPoint(panel->mapTo(top, QPoint(0, 0)) * scale), panel->size() * scale);
        const QImage part = picture.copy(area.intersected(picture.rect()));
        QSet<QRgb> colours;
        for (int y = 0; y < part.height() && colours.size() < 2; y += 2) {
            for (int x = 0; x < part.width() && colours.size() < 2; x += 2)
                colours.insert(part.pixel(x, y));
        }
        if (colours.size() < 2)
            found << QStringLiteral("%1 is one flat colour").arg(describe(panel));
    }
    return found;
}

// Every text the person can see or hear from the window and its menus: titles, labels, buttons, fields
// (not password fields), tooltips, accessible names, item views' rows, documents, the status bar.
inline QStringList shownText(QWidget *top, bool withItems = true)
{
    QStringList texts;
    for (QWidget *widget : withChildren(top)) {
        texts << widget->windowTitle() << widget->toolTip() << widget->accessibleName()
              << widget->accessibleDescription() << widget->statusTip() << widget->whatsThis();
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts << plainText(label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts << button->text();
        else if (auto *group = qobject_cast<QGroupBox *>(widget))
            texts << group->title();
        else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        } else if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
            if (edit->echoMode() == QLineEdit::Normal)
                texts << edit->text() << edit->placeholderText();
        } else if (auto *text = qobject_cast<QTextEdit *>(widget)) {
            texts << text->toPlainText() << text->placeholderText();
        } else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget)) {
            texts << plain->toPlainText() << plain->placeholderText();
        } else if (auto *status = qobject_cast<QStatusBar *>(widget)) {
            texts << status->currentMessage();
        } else if (auto *view = qobject_cast<QAbstractItemView *>(widget);
                   view && view->model() && withItems) {
            const QAbstractItemModel *model = view->model();
            std::function<void(const QModelIndex &)> rows = [&](const QModelIndex &parent) {
                for (int row = 0; row < model->rowCount(parent); ++row) {
                    for (int column = 0; column < model->columnCount(parent); ++column) {
                        const QModelIndex index = model->index(row, column, parent);
                        for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                                               int(Qt::AccessibleTextRole), int(Qt::StatusTipRole)})
                            texts << index.data(role).toString();
                        if (column == 0)
                            rows(index);
                    }
                }
            };
            rows(QModelIndex());
        }
        for (QAction *action : widget->actions()) {
            texts << action->text() << action->toolTip() << action->statusTip();
            if (action->menu()) {
                for (QAction *item : action->menu()->actions())
                    texts << item->text() << item->toolTip();
            }
        }
    }
    texts.removeAll(QString());
    return texts;
}

// English words left in a Chinese window: a run of three or more (a name such as "Nemo Studio" or a
// title of two words is fine), outside paths and file names.
inline QStringList englishAmong(const QStringList &texts)
{
    static const QRegularExpression words(QStringLiteral("\\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}\\b"));
    QStringList found;
    for (const QString &text : texts) {
        if (text.contains(QLatin1Char('/')) || text.contains(QLatin1Char('\\')))
            continue;
        if (const QRegularExpressionMatch match = words.match(text); match.hasMatch())
            found << QStringLiteral("\"%1\" is English in the Chinese window (\"%2\")")
                         .arg(text.simplified().left(80), match.captured());
    }
    found.removeDuplicates();
    return found;
}

// Internal ids among texts: the service's ids (a word, "_" and a number or code: render_1796405308965,
// seg_v2, task_9f3a…), UUIDs, long hexadecimal codes, and any of the `known` ids this run handed out.
inline QStringList internalIds(const QStringList &texts, const QStringList &known)
{
    static const QRegularExpression pattern(
        QStringLiteral("\\b(?:[a-z]+_(?:[a-z]?\\d[a-z0-9]*|[0-9a-f]{6,})|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
                       "[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})\\b"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList found;
    for (const QString &text : texts) {
        const QRegularExpressionMatch match = pattern.match(text);
        QString id = match.hasMatch() ? match.captured() : QString();
        for (const QString &one : known) {
            if (id.isEmpty() && one.size() >= 4 && text.contains(one))
                id = one;
        }
        if (!id.isEmpty())
            found << QStringLiteral("\"%1\" shows the id %2").arg(text.simplified().left(80), id);
    }
    found.removeDuplicates();
    return found;
}

} // namespace nemo::test
