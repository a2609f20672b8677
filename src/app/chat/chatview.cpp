#include "chat/chatview.h"

#include "chat/chataccessible.h"
#include "chat/chatmodel.h"
#include "client/conversation.h"
#include "common/theme.h"
#include "util/weblink.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTextFrame>
#include <QToolTip>

namespace nemo::app {

using agent::ChatMessage;
using agent::GuiAction;
using util::isWebLink;

namespace {

constexpr int Margin = 14;
constexpr int Padding = 10;
constexpr int Spacing = 10;
constexpr int MaxBubble = 760;
constexpr int ButtonHeight = 26;
constexpr int ParagraphGap = 6; // between the parts of a reply being streamed, as between its paragraphs

// Replies are untrusted: a document that never loads anything (no images from disk or network).
class SafeDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

} // namespace

ChatView::ChatView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_layouts(300)
{
    installChatAccessibility(); // before anything here asks for the view's interface
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setMouseTracking(true);
    verticalScrollBar()->setSingleStep(24);
    setFrameShape(QFrame::NoFrame);
    setAccessibleName(tr("Conversation"));
    setAccessibleDescription(
        tr("Messages between you and the NemoVideo agent. Use the arrow keys to move between "
           "messages and Ctrl+C to copy one."));
}

ChatView::~ChatView() = default;

void ChatView::announceRows(int which, int first, int last)
{
    if (!QAccessible::isActive())
        return;
    for (int row = first; row <= last; ++row) {
        QAccessibleEvent event(this, QAccessible::Event(which));
        event.setChild(row);
        QAccessible::updateAccessibility(&event);
    }
}

void ChatView::setModel(QAbstractItemModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    const bool wasAtBottom = isAtBottom();
                    const int count = last - first + 1;
                    m_heights.insert(m_heights.begin() + first, size_t(count), 0);
                    m_exact.insert(m_exact.begin() + first, size_t(count), 0);
                    m_tops.insert(m_tops.begin() + first + 1, size_t(count), 0);
                    for (int row = first; row <= last; ++row)
                        m_heights[size_t(row)] = estimateHeight(row);
                    recomputeTops(first);
                    if (m_current >= first)
                        m_current += count;
                    followIfNeeded(wasAtBottom);
                    m_accessibleRows.forget();
                    announceRows(QAccessible::ObjectCreated, first, last);
                });
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    m_heights.erase(m_heights.begin() + first, m_heights.begin() + last + 1);
                    m_exact.erase(m_exact.begin() + first, m_exact.begin() + last + 1);
                    m_tops.erase(m_tops.begin() + first + 1, m_tops.begin() + last + 2);
                    recomputeTops(first);
                    if (m_current > last)
                        m_current -= last - first + 1;
                    else if (m_current >= first)
                        m_current = -1;
                    updateScrollRange();
                    viewport()->update();
                    m_accessibleRows.forget();
                    QAccessibleEvent reordered(this, QAccessible::ObjectReorder);
                    QAccessible::updateAccessibility(&reordered);
                });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &from, const QModelIndex &to) {
                    const bool wasAtBottom = isAtBottom();
                    for (int row = from.row(); row <= to.row(); ++row) {
                        const quint64 id = m_model->index(row, 0).data(ChatModel::IdRole).toULongLong();
                        m_previous.reset(m_layouts.take(id)); // its parts may serve the new text

                        // The streaming reply is usually on screen: measure it exactly right away.
                        if (const Layout *layout = layoutFor(row))
                            setHeight(row, layout->height, true);
                        m_previous.reset();
                    }
                    recomputeTops(from.row());
                    followIfNeeded(wasAtBottom);
                    // A reply being written: each part is news to someone who cannot see it.
                    announceRows(QAccessible::NameChanged, from.row(), to.row());
                });
        const auto reordered = [this] {
            m_accessibleRows.forget();
            rebuild();
            QAccessibleEvent event(this, QAccessible::ObjectReorder);
            QAccessible::updateAccessibility(&event);
        };
        connect(model, &QAbstractItemModel::modelReset, this, reordered);
        connect(model, &QAbstractItemModel::layoutChanged, this, reordered);
    }
    m_accessibleRows.forget();
    rebuild();
    scrollToBottom();
}

int ChatView::bubbleWidth() const
{
    return qMax(160, qMin(MaxBubble, viewport()->width() - 2 * Margin));
}

qint64 ChatView::offset() const
{
    return verticalScrollBar()->value();
}

void ChatView::rebuild()
{
    m_layouts.clear();
    const int rows = m_model ? m_model->rowCount() : 0;
    m_heights.assign(size_t(rows), 0);
    m_exact.assign(size_t(rows), 0);
    m_tops.assign(size_t(rows) + 1, 0);
    for (int row = 0; row < rows; ++row)
        m_heights[size_t(row)] = estimateHeight(row);
    recomputeTops(0);
    if (m_current >= rows)
        m_current = -1;
    viewport()->update();
}

int ChatView::estimateHeight(int row) const
{
    const QString text = m_model->index(row, 0).data(ChatModel::TextRole).toString();
    const QFontMetrics metrics(font());
    const int width = bubbleWidth() - 2 * Padding;
    const int perLine = qMax(10, width / qMax(1, metrics.averageCharWidth()));
    const int lines = int(text.count(QLatin1Char('\n'))) + 1 + int(text.size()) / perLine;
    const int buttons =
        m_model->index(row, 0).data(ChatModel::ActionsRole).toList().isEmpty() ? 0 : ButtonHeight + 6;
    return Spacing + metrics.height() + 4 + lines * metrics.lineSpacing() + 2 * Padding + buttons;
}

void ChatView::setHeight(int row, int height, bool exact)
{
    m_heights[size_t(row)] = height;
    m_exact[size_t(row)] = exact ? 1 : 0;
}

void ChatView::recomputeTops(int from)
{
    // Only rows from `from` on move: appending or growing the last row touches one entry.
    for (size_t row = size_t(qMax(0, from)); row < m_heights.size(); ++row)
        m_tops[row + 1] = m_tops[row] + m_heights[row];
    updateScrollRange();
    viewport()->update();
}

void ChatView::updateScrollRange()
{
    const qint64 total = m_tops.empty() ? 0 : m_tops.back() + Spacing;
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setRange(0,
                                  int(qMin<qint64>(INT_MAX, qMax<qint64>(0, total - viewport()->height()))));
}

bool ChatView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
}

void ChatView::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void ChatView::followIfNeeded(bool wasAtBottom)
{
    if (wasAtBottom)
        scrollToBottom();
}

void ChatView::scrollToRow(int row)
{
    if (row < 0 || size_t(row) >= m_heights.size())
        return;
    if (const Layout *layout = layoutFor(row)) {
        setHeight(row, layout->height, true);
        recomputeTops(row);
    }
    const qint64 top = m_tops[size_t(row)];
    const qint64 bottom = m_tops[size_t(row) + 1];
    if (top < offset())
        verticalScrollBar()->setValue(int(top));
    else if (bottom > offset() + viewport()->height())
        verticalScrollBar()->setValue(int(bottom - viewport()->height() + Spacing));
}

void ChatView::setCurrentRow(int row)
{
    const int rows = int(m_heights.size());
    row = rows == 0 ? -1 : qBound(0, row, rows - 1);
    if (row == m_current)
        return;
    m_current = row;
    m_focusButton = -1;
    scrollToRow(row);
    viewport()->update();
    emit currentRowChanged(row);
    if (row >= 0 && hasFocus()) {
        QAccessibleEvent focus(this, QAccessible::Focus);
        focus.setChild(row);
        QAccessible::updateAccessibility(&focus);
    }
}

QString ChatView::rowHeader(int row)
{
    const Layout *layout = layoutFor(row);
    return layout ? layout->header : QString();
}

void ChatView::activateButton(int row, int index)
{
    const Layout *layout = layoutFor(row);
    if (!layout || index < 0 || index >= layout->buttons.size())
        return;
    const Button &button = layout->buttons.at(index);
    if (button.action >= 0)
        emit guiActionTriggered(GuiAction(button.action));
    else if (isWebLink(button.url))
        emit linkActivated(button.url);
}

bool ChatView::focusNextPrevChild(bool next)
{
    // Tab goes through the buttons under the current message before it leaves the conversation.
    if (hasFocus() && m_current >= 0) {
        const Layout *layout = layoutFor(m_current);
        const int count = layout ? int(layout->buttons.size()) : 0;
        if (next && m_focusButton + 1 < count) {
            ++m_focusButton;
            viewport()->update();
            return true;
        }
        if (!next && m_focusButton >= 0) {
            --m_focusButton;
            viewport()->update();
            return true;
        }
    }
    m_focusButton = -1;
    return QAbstractScrollArea::focusNextPrevChild(next);
}

void ChatView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    // Something must show where the keyboard is: the latest message, when none was chosen.
    if (m_current < 0 && !m_heights.empty())
        setCurrentRow(int(m_heights.size()) - 1);
    if (event->reason() == Qt::BacktabFocusReason && m_current >= 0) {
        const Layout *layout = layoutFor(m_current);
        m_focusButton = layout ? int(layout->buttons.size()) - 1 : -1;
    }
    viewport()->update();
}

void ChatView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

int ChatView::rowAt(int y) const
{
    const qint64 absolute = offset() + y;
    if (m_heights.empty() || absolute < 0 || absolute >= m_tops.back())
        return -1;
    const auto it = std::upper_bound(m_tops.begin(), m_tops.end(), absolute);
    return int(it - m_tops.begin()) - 1;
}

namespace {

constexpr auto ReplyMarkdown =
    QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML);

// Where the paragraphs that are complete end: after the last blank line outside a code block, looking
// only at what came after `from` (itself such an end), so that the cost is that of the new text.
qsizetype settledEnd(const QString &text, qsizetype from)
{
    const QStringView fresh = QStringView(text).mid(from);
    qsizetype end = fresh.lastIndexOf(QLatin1String("\n\n"));
    while (end > 0 && fresh.left(end).count(QLatin1String("```")) % 2 != 0)
        end = fresh.lastIndexOf(QLatin1String("\n\n"), end - 1);
    return end > 0 ? from + end + 2 : from;
}

} // namespace

std::unique_ptr<QTextDocument> ChatView::newDocument(ChatMessage::Role speaker, int textWidth) const
{
    auto document = std::make_unique<SafeDocument>();
    QFont textFont = font();
    textFont.setItalic(speaker == ChatMessage::Role::Notice);
    document->setDefaultFont(textFont);
    document->setDocumentMargin(0);
    document->setUndoRedoEnabled(false);
    document->setTextWidth(textWidth);
    return document;
}

void ChatView::layOutReply(Layout *layout, const QString &text, bool streaming, Layout *previous)
{
    const int textWidth = bubbleWidth() - 2 * Padding;
    qsizetype settled = 0;
    if (streaming) {
        // The parts already laid out serve as long as the reply only grew.
        if (previous && text.startsWith(previous->streamed) && !previous->streamed.isEmpty()) {
            layout->settled = std::move(previous->settled);
            layout->settledHeight = previous->settledHeight;
            layout->settledWidth = previous->settledWidth;
            settled = previous->settledChars;
        }
        const qsizetype end = settledEnd(text, settled);
        if (end > settled) {
            auto part = newDocument(ChatMessage::Role::Agent, textWidth);
            part->setMarkdown(text.mid(settled, end - settled), ReplyMarkdown);
            layout->settledHeight += part->size().height() + ParagraphGap;
            layout->settledWidth = qMax(layout->settledWidth, part->idealWidth());
            layout->settled.push_back(std::move(part));
            settled = end;
        }
        layout->streamed = text;
        layout->settledChars = settled;
    }
    layout->document = newDocument(ChatMessage::Role::Agent, textWidth);
    layout->document->setMarkdown(settled > 0 ? text.mid(settled) : text, ReplyMarkdown);
}

// Draws the parts that meet the context's clip (in text coordinates): a long reply costs what shows.
void ChatView::drawText(const Layout *layout, QPainter *painter,
                        const QAbstractTextDocumentLayout::PaintContext &context)
{
    const QRectF clip = context.clip;
    qreal y = 0;
    auto draw = [&](const QTextDocument *part) {
        const qreal height = part->size().height();
        if (clip.isNull() || (y + height >= clip.top() && y <= clip.bottom())) {
            QAbstractTextDocumentLayout::PaintContext shifted = context;
            if (!clip.isNull())
                shifted.clip = clip.translated(0, -y);
            painter->save();
            painter->translate(0, y);
            part->documentLayout()->draw(painter, shifted);
            painter->restore();
        }
        y += height + ParagraphGap;
    };
    for (const auto &part : layout->settled) {
        if (!clip.isNull() && y > clip.bottom())
            return;
        draw(part.get());
    }
    draw(layout->document.get());
}

ChatView::Layout *ChatView::layoutFor(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return nullptr;
    const QModelIndex index = m_model->index(row, 0);
    const quint64 id = index.data(ChatModel::IdRole).toULongLong();
    if (Layout *cached = m_layouts.object(id))
        return cached;

    auto *layout = new Layout;
    const auto speaker = ChatMessage::Role(index.data(ChatModel::SpeakerRole).toInt());
    const auto state = ChatMessage::State(index.data(ChatModel::StateRole).toInt());
    QString text = index.data(ChatModel::TextRole).toString();
    const int width = bubbleWidth();
    if (speaker == ChatMessage::Role::Agent) {
        if (text.isEmpty() && state == ChatMessage::State::Streaming)
            text = QStringLiteral("…");
        Layout *previous = m_previous && m_previous->document &&
                m_previous->document->textWidth() == qreal(width - 2 * Padding)
            ? m_previous.get()
            : nullptr;
        layOutReply(layout, text, state == ChatMessage::State::Streaming, previous);
    } else {
        layout->document = newDocument(speaker, width - 2 * Padding);
        layout->document->setPlainText(text);
    }
    const qreal textHeightF = layout->document->size().height() + layout->settledHeight;
    const qreal idealWidth = qMax(layout->document->idealWidth(), layout->settledWidth);
    const int textHeight = int(std::ceil(textHeightF));
    const int textWidth = qMin(width - 2 * Padding, int(std::ceil(idealWidth)));

    const QString time =
        QLocale().toString(index.data(ChatModel::TimeRole).toDateTime().time(), QLocale::ShortFormat);
    switch (speaker) {
    case ChatMessage::Role::User:
        layout->header = tr("You · %1").arg(time);
        break;
    case ChatMessage::Role::Agent:
        layout->header = tr("NemoVideo agent · %1").arg(time);
        break;
    case ChatMessage::Role::Notice:
        layout->header = time;
        break;
    case ChatMessage::Role::Error:
        layout->header = tr("Problem · %1").arg(time);
        break;
    }
    switch (state) {
    case ChatMessage::State::Streaming:
        layout->header += tr(" · writing…");
        break;
    case ChatMessage::State::Stopped:
        layout->header += tr(" · stopped");
        break;
    case ChatMessage::State::Interrupted:
        layout->header += tr(" · interrupted");
        break;
    case ChatMessage::State::Failed:
        layout->header += tr(" · failed");
        break;
    case ChatMessage::State::Done:
        break;
    }

    const QFontMetrics metrics(font());
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    // Buttons: what the agent referred to in this app, and a web link for errors (2001, 402 …).
    int x = 0;
    for (const QVariant &value : index.data(ChatModel::ActionsRole).toList()) {
        Button button;
        button.action = value.toInt();
        button.label = agent::GuiReference::label(GuiAction(button.action));
        layout->buttons.append(button);
    }
    const QUrl url = index.data(ChatModel::ActionUrlRole).toUrl();
    if (isWebLink(url)) {
        Button button;
        button.url = url;
        button.label = index.data(ChatModel::ActionLabelRole).toString();
        if (button.label.isEmpty())
            button.label = tr("Open link");
        layout->buttons.append(button);
    }
    const int headerHeight = smallMetrics.height() + 4;
    int contentWidth = qMax(textWidth, smallMetrics.horizontalAdvance(layout->header));
    // In rows as wide as the bubble may be: a button that does not fit goes under the others, never
    // past the edge.
    const int room = qMax(40, width - 2 * Padding);
    int y = 0;
    int widest = 0;
    for (Button &button : layout->buttons) {
        const int w = qMin(room, metrics.horizontalAdvance(button.label) + 24);
        if (x > 0 && x + w > room) {
            x = 0;
            y += ButtonHeight + 6;
        }
        button.rect = QRect(x, y, w, ButtonHeight);
        x += w + 8;
        widest = qMax(widest, x - 8);
    }
    const int buttonsHeight = layout->buttons.isEmpty() ? 0 : y + ButtonHeight + 8;
    contentWidth = qMax(contentWidth, widest);
    const int bubbleW = qMin(width, contentWidth + 2 * Padding);
    const int bubbleH = headerHeight + textHeight + buttonsHeight + 2 * Padding;
    int left = Margin;
    if (speaker == ChatMessage::Role::User)
        left = viewport()->width() - Margin - bubbleW;
    else if (speaker == ChatMessage::Role::Notice)
        left = qMax(Margin, (viewport()->width() - bubbleW) / 2);
    layout->bubble = QRect(left, Spacing, bubbleW, bubbleH);
    layout->textOrigin = QPoint(left + Padding, Spacing + Padding + headerHeight);
    const int buttonsTop = Spacing + Padding + headerHeight + textHeight + 8;
    for (Button &button : layout->buttons)
        button.rect.translate(left + Padding, buttonsTop);
    layout->height = Spacing + bubbleH;
    // The cache owns the layout from here on (and may drop it): hand out what it holds.
    m_layouts.insert(id, layout, 1);
    return m_layouts.object(id);
}

void ChatView::measureVisible()
{
    if (m_heights.empty())
        return;
    // Rows on screen get their exact height; rows above keep the screen's content in place.
    int first = rowAt(0);
    if (first < 0)
        first = verticalScrollBar()->value() > 0 ? int(m_heights.size()) - 1 : 0;
    int changedFrom = -1;
    qint64 shiftAbove = 0;
    for (int row = first; row >= 0 && size_t(row) < m_heights.size(); ++row) {
        if (m_tops[size_t(row)] - offset() > viewport()->height())
            break;
        if (m_exact[size_t(row)])
            continue;
        const Layout *layout = layoutFor(row);
        if (!layout)
            continue;
        if (layout->height != m_heights[size_t(row)]) {
            if (m_tops[size_t(row)] < offset())
                shiftAbove += layout->height - m_heights[size_t(row)];
            if (changedFrom < 0)
                changedFrom = row;
        }
        setHeight(row, layout->height, true);
    }
    if (changedFrom >= 0) {
        const bool atBottom = isAtBottom();
        for (size_t row = size_t(changedFrom); row < m_heights.size(); ++row)
            m_tops[row + 1] = m_tops[row] + m_heights[row];
        const QSignalBlocker blocker(verticalScrollBar());
        updateScrollRange();
        if (atBottom)
            scrollToBottom();
        else if (shiftAbove)
            verticalScrollBar()->setValue(int(offset() + shiftAbove));
    }
}

void ChatView::paintEvent(QPaintEvent *)
{
    measureVisible();
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(viewport()->rect(), pal.base());
    if (m_heights.empty()) {
        if (hasFocus()) // where the keyboard is, even with nothing said yet
            Theme::paintFocusRing(&painter, viewport()->rect(), pal);
        return;
    }
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const int first = qMax(0, rowAt(0));
    for (int row = first; size_t(row) < m_heights.size(); ++row) {
        const int top = int(m_tops[size_t(row)] - offset());
        if (top > viewport()->height())
            break;
        Layout *layout = layoutFor(row);
        if (!layout)
            continue;
        const auto speaker = ChatMessage::Role(m_model->index(row, 0).data(ChatModel::SpeakerRole).toInt());
        painter.save();
        painter.translate(0, top);
        QColor fill = pal.color(QPalette::AlternateBase);
        QColor border = pal.color(QPalette::Mid);
        QColor textColor = pal.color(QPalette::Text);
        switch (speaker) {
        case ChatMessage::Role::User: {
            fill = pal.color(QPalette::Highlight);
            fill.setAlpha(45);
            border = pal.color(QPalette::Highlight);
            break;
        }
        case ChatMessage::Role::Agent:
            break;
        case ChatMessage::Role::Notice:
            fill = Qt::transparent;
            border = Qt::transparent;
            textColor = pal.color(QPalette::PlaceholderText);
            break;
        case ChatMessage::Role::Error:
            fill = QColor(220, 60, 60, 35);
            border = QColor(200, 50, 50);
            break;
        }
        QPainterPath bubble;
        bubble.addRoundedRect(QRectF(layout->bubble).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
        painter.fillPath(bubble, fill);
        if (row == m_current && hasFocus())
            painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
        else
            painter.setPen(border);
        painter.drawPath(bubble);

        painter.setFont(small);
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRect(layout->bubble.left() + Padding, layout->bubble.top() + Padding - 2,
                               layout->bubble.width() - 2 * Padding, painter.fontMetrics().height() + 4),
                         Qt::AlignLeft | Qt::AlignVCenter, layout->header);
        painter.setFont(font());

        painter.save();
        painter.translate(layout->textOrigin);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = pal;
        context.palette.setColor(QPalette::Text, textColor);
        context.clip = QRectF(QPointF(-layout->textOrigin.x(), -qreal(top) - layout->textOrigin.y()),
                              QSizeF(viewport()->size()));
        drawText(layout, &painter, context);
        painter.restore();

        for (int i = 0; i < layout->buttons.size(); ++i) {
            const Button &button = layout->buttons.at(i);
            const bool hovered = (row == m_hoverRow && i == m_hoverButton) ||
                (row == m_current && i == m_focusButton && hasFocus());
            QPainterPath shape;
            shape.addRoundedRect(QRectF(button.rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
            painter.fillPath(shape, hovered ? pal.color(QPalette::Highlight) : pal.color(QPalette::Button));
            painter.setPen(pal.color(QPalette::Mid));
            painter.drawPath(shape);
            painter.setPen(hovered ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::ButtonText));
            painter.drawText(
                button.rect, Qt::AlignCenter,
                painter.fontMetrics().elidedText(button.label, Qt::ElideRight, button.rect.width() - 12));
        }
        painter.restore();
    }
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const bool atBottom = isAtBottom();
    if (viewport()->width() != m_width) {
        m_width = viewport()->width();
        rebuild();
    } else {
        updateScrollRange();
    }
    if (atBottom)
        scrollToBottom();
}

void ChatView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void ChatView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::LanguageChange) {
        rebuild();
        if (event->type() == QEvent::LanguageChange) {
            setAccessibleName(tr("Conversation"));
            setAccessibleDescription(
                tr("Messages between you and the NemoVideo agent. Use the arrow keys to move "
                   "between messages and Ctrl+C to copy one."));
        }
    }
}

QRect ChatView::rowRect(int row)
{
    if (row < 0 || size_t(row) >= m_heights.size())
        return {};
    return QRect(0, int(m_tops[size_t(row)] - offset()), viewport()->width(), m_heights[size_t(row)]);
}

QStringList ChatView::buttonLabels(int row)
{
    QStringList labels;
    if (const Layout *layout = layoutFor(row)) {
        for (const Button &button : layout->buttons)
            labels.append(button.label);
    }
    return labels;
}

QRect ChatView::buttonRect(int row, int button)
{
    const Layout *layout = layoutFor(row);
    if (!layout || button < 0 || button >= layout->buttons.size())
        return {};
    return layout->buttons.at(button).rect.translated(0, int(m_tops[size_t(row)] - offset()));
}

QString ChatView::rowText(int row) const
{
    return m_model && row >= 0 && row < m_model->rowCount()
        ? m_model->index(row, 0).data(ChatModel::TextRole).toString()
        : QString();
}

const ChatView::Button *ChatView::buttonAt(const QPoint &position, int *row)
{
    *row = rowAt(position.y());
    const Layout *layout = layoutFor(*row);
    if (!layout)
        return nullptr;
    const QPoint local = position - QPoint(0, int(m_tops[size_t(*row)] - offset()));
    for (const Button &button : layout->buttons) {
        if (button.rect.contains(local))
            return &button;
    }
    return nullptr;
}

QString ChatView::anchorAt(const QPoint &position, int *row)
{
    *row = rowAt(position.y());
    const Layout *layout = layoutFor(*row);
    if (!layout)
        return {};
    QPoint local = position - QPoint(0, int(m_tops[size_t(*row)] - offset())) - layout->textOrigin;
    for (const auto &part : layout->settled) {
        const int height = int(std::ceil(part->size().height())) + ParagraphGap;
        if (local.y() < height)
            return part->documentLayout()->anchorAt(local);
        local.ry() -= height;
    }
    return layout->document->documentLayout()->anchorAt(local);
}

void ChatView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    int row = -1;
    if (const Button *button = buttonAt(event->position().toPoint(), &row)) {
        const Layout *layout = layoutFor(row);
        activateButton(row, layout ? int(button - layout->buttons.constData()) : -1);
        return;
    }
    const QString anchor = anchorAt(event->position().toPoint(), &row);
    if (!anchor.isEmpty() && isWebLink(QUrl(anchor))) {
        emit linkActivated(QUrl(anchor));
        return;
    }
    if (row >= 0)
        setCurrentRow(row);
}

void ChatView::mouseMoveEvent(QMouseEvent *event)
{
    int row = -1;
    const Button *button = buttonAt(event->position().toPoint(), &row);
    int index = -1;
    if (button) {
        const Layout *layout = layoutFor(row);
        index = int(button - layout->buttons.constData());
    }
    int anchorRow = -1;
    const bool onLink = !button && isWebLink(QUrl(anchorAt(event->position().toPoint(), &anchorRow)));
    viewport()->setCursor(button || onLink ? Qt::PointingHandCursor : Qt::ArrowCursor);
    if (row != m_hoverRow || index != m_hoverButton) {
        m_hoverRow = button ? row : -1;
        m_hoverButton = index;
        viewport()->update();
    }
}

void ChatView::leaveEvent(QEvent *event)
{
    m_hoverRow = -1;
    m_hoverButton = -1;
    viewport()->update();
    QAbstractScrollArea::leaveEvent(event);
}

bool ChatView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        int row = -1;
        const QString anchor = anchorAt(help->pos(), &row);
        if (!anchor.isEmpty())
            QToolTip::showText(help->globalPos(), anchor, viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void ChatView::copyRow(int row) const
{
    const QString text = rowText(row);
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ChatView::keyPressEvent(QKeyEvent *event)
{
    const int rows = int(m_heights.size());
    if (event->matches(QKeySequence::Copy)) {
        copyRow(m_current >= 0 ? m_current : rows - 1);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Up:
        setCurrentRow(m_current < 0 ? rows - 1 : m_current - 1);
        return;
    case Qt::Key_Down:
        setCurrentRow(m_current < 0 ? rows - 1 : m_current + 1);
        return;
    case Qt::Key_Home:
        setCurrentRow(0);
        return;
    case Qt::Key_End:
        setCurrentRow(rows - 1);
        return;
    case Qt::Key_PageUp:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepSub);
        return;
    case Qt::Key_PageDown:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        // On a button: press it. On a message with buttons: go to its first one (Tab goes on).
        if (event->modifiers() == Qt::NoModifier && m_current >= 0) {
            if (m_focusButton >= 0) {
                activateButton(m_current, m_focusButton);
            } else if (const Layout *layout = layoutFor(m_current); layout && !layout->buttons.isEmpty()) {
                m_focusButton = 0;
                viewport()->update();
            }
            return;
        }
        break;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void ChatView::contextMenuEvent(QContextMenuEvent *event)
{
    int row = -1;
    const QString anchor = anchorAt(event->pos(), &row);
    if (row < 0)
        row = m_current;
    if (row < 0)
        return;
    setCurrentRow(row);
    QMenu menu(this);
    menu.addAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy Message"), this,
                   [this, row] { copyRow(row); });
    if (isWebLink(QUrl(anchor))) {
        menu.addAction(tr("Copy &Link"), this, [anchor] { QApplication::clipboard()->setText(anchor); });
        menu.addAction(tr("&Open Link"), this, [this, anchor] { emit linkActivated(QUrl(anchor)); });
    }
    menu.exec(event->globalPos());
}

} // namespace nemo::app
