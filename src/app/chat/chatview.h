#pragma once

#include "agent/chatmessage.h"
#include "agent/guireference.h"
#include "common/accessiblechildren.h"

#include <QAbstractScrollArea>
#include <QAbstractTextDocumentLayout>
#include <QCache>
#include <QPointer>
#include <QTextDocument>
#include <QUrl>

#include <memory>
#include <vector>

class QAbstractItemModel;

namespace nemo::app {

// The chat transcript: a custom list view over ChatModel. It keeps every row's height and top offset,
// so that appending a message or growing the one that streams costs O(1); rows that were never on
// screen have an estimated height, and only visible rows are laid out (Markdown for the agent's
// replies) and painted. Links open only on click and only for http(s); buttons under a reply do in
// this app what the agent described ("Open Export").
class ChatView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit ChatView(QWidget *parent = nullptr);
    ~ChatView() override;

    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const { return m_model; }

    int currentRow() const { return m_current; }
    void setCurrentRow(int row);
    bool isAtBottom() const;
    void scrollToBottom();
    void scrollToRow(int row);

    // Geometry in viewport coordinates (also what tests click on).
    QRect rowRect(int row);
    // The buttons under a row: their labels and where they are.
    QStringList buttonLabels(int row);
    QRect buttonRect(int row, int button);
    int rowAt(int y) const;
    // The text of a row as shown (for copy and accessibility).
    QString rowText(int row) const;
    // Who wrote a row and when ("Nemo · 17:24"), as its heading shows it.
    QString rowHeader(int row);
    // The button under the current row that has the keyboard (Tab reaches them), or -1.
    int focusedButton() const { return m_focusButton; }
    // Presses a button under a row, as a click or Enter does.
    void activateButton(int row, int button);
    // The messages' accessibility interfaces (chat/chataccessible), forgotten when the rows change.
    AccessibleChildren *accessibleRows() { return &m_accessibleRows; }

signals:
    void guiActionTriggered(nemo::agent::GuiAction action);
    void linkActivated(const QUrl &url);
    void currentRowChanged(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Button
    {
        QRect rect;      // relative to the row's top left
        int action = -1; // a GuiAction, or -1 for the link below
        QUrl url;
        QString label;
    };
    struct Layout
    {
        // A reply that is still being streamed is laid out in parts: the paragraphs complete so far,
        // each laid out once (`settled`), and the one being written (`document`), laid out again with
        // every chunk, so that a chunk costs as much at the end of a long reply as at its start. A
        // complete message is one document.
        std::vector<std::unique_ptr<QTextDocument>> settled;
        QString streamed;           // the text the parts were made from
        qsizetype settledChars = 0; // how much of it the settled parts hold
        qreal settledHeight = 0;    // theirs, with the gaps after them
        qreal settledWidth = 0;
        std::unique_ptr<QTextDocument> document;
        QRect bubble; // relative to the row's top left
        QPoint textOrigin;
        int height = 0;
        QList<Button> buttons;
        QString header;
    };

    Layout *layoutFor(int row);
    // Lays the reply's text out into `layout`, reusing the parts of `previous` that still hold.
    void layOutReply(Layout *layout, const QString &text, bool streaming, Layout *previous);
    std::unique_ptr<QTextDocument> newDocument(agent::ChatMessage::Role speaker, int textWidth) const;
    static void drawText(const Layout *layout, QPainter *painter,
                         const QAbstractTextDocumentLayout::PaintContext &context);
    int estimateHeight(int row) const;
    void setHeight(int row, int height, bool exact);
    void recomputeTops(int from);
    void updateScrollRange();
    void measureVisible();
    void rebuild();
    int bubbleWidth() const;
    qint64 offset() const;
    void copyRow(int row) const;
    void followIfNeeded(bool wasAtBottom);
    const Button *buttonAt(const QPoint &position, int *row);
    QString anchorAt(const QPoint &position, int *row);

    QPointer<QAbstractItemModel> m_model;
    std::vector<int> m_heights;
    std::vector<char> m_exact;
    std::vector<qint64> m_tops; // m_tops[i] = sum of the heights before row i; size = rows + 1
    QCache<quint64, Layout> m_layouts;
    std::unique_ptr<Layout> m_previous; // the layout of a streaming reply, while the next is made
    // Tells assistive technology about rows made, changed, or moved ("which" a QAccessible::Event).
    void announceRows(int which, int first, int last);

    int m_current = -1;
    int m_focusButton = -1;
    AccessibleChildren m_accessibleRows;
    int m_hoverRow = -1;
    int m_hoverButton = -1;
    int m_width = 0;
};

} // namespace nemo::app
