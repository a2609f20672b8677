#pragma once

#include "guireference.h"

#include <QAbstractScrollArea>
#include <QCache>
#include <QPointer>
#include <QTextDocument>
#include <QUrl>

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

signals:
    void guiActionTriggered(nemo::core::GuiAction action);
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
        std::unique_ptr<QTextDocument> document;
        QRect bubble; // relative to the row's top left
        QPoint textOrigin;
        int height = 0;
        QList<Button> buttons;
        QString header;
    };

    Layout *layoutFor(int row);
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
    int m_current = -1;
    int m_hoverRow = -1;
    int m_hoverButton = -1;
    int m_width = 0;
};

} // namespace nemo::app
