#include "chat/chatpanel.h"

#include "chat/chatmodel.h"
#include "chat/chatview.h"
#include "chat/messageinput.h"
#include "client/conversation.h"
#include "client/timelinewatch.h"
#include "common/elidedbutton.h"
#include "common/firstpaint.h"
#include "util/timecode.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace nemo::app {

namespace {

// Starter prompts taken from the four product briefs.
QStringList starterPrompts()
{
    return {ChatPanel::tr("Turn these images into a 30-second promo video with music and text overlays"),
            ChatPanel::tr("Convert these images into a smooth video with transitions and motion effects"),
            ChatPanel::tr("Generate a 30-second promotional video from my text and images"),
            ChatPanel::tr("Generate a short video clip from a text description of a sunrise over the sea"),
            ChatPanel::tr("Add background music at 35% volume and a title")};
}

} // namespace

ChatPanel::ChatPanel(client::Conversation *conversation, QWidget *parent)
    : QWidget(parent)
    , m_conversation(conversation)
    , m_model(new ChatModel(conversation, this))
    , m_view(new ChatView(this))
    , m_pages(new QStackedWidget(this))
    , m_welcome(new QWidget(this))
    , m_welcomeTitle(new QLabel(m_welcome))
    , m_welcomeText(new QLabel(m_welcome))
    , m_pulse(new QLabel(this))
    , m_status(new QLabel(this))
    , m_stop(new QPushButton(this))
    , m_stopWaiting(new QPushButton(this))
    , m_input(new MessageInput(this))
    , m_send(new QToolButton(this))
{
    m_view->setModel(m_model);

    auto *welcomeLayout = new QVBoxLayout(m_welcome);
    welcomeLayout->addStretch(1);
    QFont big = m_welcomeTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    m_welcomeTitle->setFont(big);
    m_welcomeTitle->setAlignment(Qt::AlignCenter);
    m_welcomeTitle->setWordWrap(true); // a narrow window wraps it rather than growing
    m_welcomeText->setAlignment(Qt::AlignCenter);
    m_welcomeText->setWordWrap(true);
    welcomeLayout->addWidget(m_welcomeTitle);
    welcomeLayout->addWidget(m_welcomeText);
    welcomeLayout->addSpacing(12);
    for (int i = 0; i < starterPrompts().size(); ++i) {
        auto *button = new ElidedButton(m_welcome);
        button->setFlat(false);
        button->setCursor(Qt::PointingHandCursor);
        button->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        connect(button, &QPushButton::clicked, this, [this, i] { focusInput(starterPrompts().at(i)); });
        auto *row = new QHBoxLayout;
        row->addStretch(1);
        row->addWidget(button);
        row->addStretch(1);
        welcomeLayout->addLayout(row);
        m_suggestionButtons.append(button);
    }
    welcomeLayout->addStretch(2);
    // In a small window the welcome scrolls rather than being cut off.
    m_welcomeScroll = new QScrollArea(this);
    m_welcomeScroll->setWidgetResizable(true);
    m_welcomeScroll->setFrameShape(QFrame::NoFrame);
    m_welcomeScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_welcomeScroll->setWidget(m_welcome);
    m_pages->addWidget(m_welcomeScroll);
    m_pages->addWidget(m_view);

    m_pulse->setFixedWidth(14);
    m_pulse->setAlignment(Qt::AlignCenter);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setFocusPolicy(Qt::NoFocus); // a line to hear and read, not a stop for the keyboard
    // Its name is its live text (a label's own), so that a screen reader hears each change of it.
    m_stop->hide();
    m_stopWaiting->hide();
    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(8, 2, 8, 2);
    statusRow->addWidget(m_pulse);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_stop);
    statusRow->addWidget(m_stopWaiting);

    // Icons come once the window is on screen: the style reads every size of its standard icons from
    // disk and the icon theme is searched, which would otherwise be a good part of the time to the first
    // paint.
    afterFirstPaint(this, [this] {
        m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
        m_send->setIcon(
            QIcon::fromTheme(QStringLiteral("document-send"), style()->standardIcon(QStyle::SP_ArrowRight)));
    });
    m_send->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_send->setAutoRaise(false);
    auto *inputRow = new QHBoxLayout;
    inputRow->setContentsMargins(8, 4, 8, 8);
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_send, 0, Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_pages, 1);
    layout->addLayout(statusRow);
    layout->addLayout(inputRow);

    connect(m_input, &MessageInput::submitted, this, &ChatPanel::submit);
    connect(m_send, &QToolButton::clicked, this, &ChatPanel::submit);
    connect(m_stop, &QPushButton::clicked, conversation, &client::Conversation::stop);
    connect(m_stopWaiting, &QPushButton::clicked, conversation, &client::Conversation::stopWatching);
    connect(conversation, &client::Conversation::watchingChanged, this, &ChatPanel::updateWatching);
    connect(conversation, &client::Conversation::watchProgressed, this, &ChatPanel::updateStatus);
    connect(m_view, &ChatView::guiActionTriggered, this, &ChatPanel::guiActionTriggered);
    connect(m_view, &ChatView::linkActivated, this, &ChatPanel::linkActivated);
    connect(conversation, &client::Conversation::busyChanged, this, &ChatPanel::updateBusy);
    connect(conversation, &client::Conversation::statusChanged, this, &ChatPanel::updateStatus);
    connect(conversation, &client::Conversation::heartbeat, this, [this] {
        m_sinceHeartbeat.restart();
        m_pulseLevel = 4;
        updateStatus();
    });
    connect(conversation, &client::Conversation::stillWorking, this, [this] {
        m_stillWorking = true;
        updateStatus();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ChatPanel::updatePage);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChatPanel::updatePage);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ChatPanel::updatePage);
    m_clock.setInterval(250);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        m_pulseLevel = qMax(0, m_pulseLevel - 1);
        updateStatus();
    });
    retranslate();
    updatePage();
    updateBusy(conversation->isBusy());
}

QStringList ChatPanel::suggestions() const
{
    return starterPrompts();
}

void ChatPanel::retranslate()
{
    m_welcomeTitle->setText(tr("What would you like to make?"));
    m_welcomeText->setText(
        tr("Drop photos, clips or music into the media bin, then tell the agent what video you want. "
           "Try one of these:"));
    const QStringList prompts = starterPrompts();
    for (int i = 0; i < m_suggestionButtons.size(); ++i)
        m_suggestionButtons.at(i)->setFullText(prompts.at(i));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop waiting for this reply (Esc). What the agent already did is kept."));
    m_stopWaiting->setText(tr("Stop Waiting"));
    m_stopWaiting->setToolTip(tr("Stop looking at the timeline for the agent's late changes."));
    m_send->setText(tr("Send"));
    m_send->setToolTip(tr("Send (Enter). Shift+Enter starts a new line."));
    m_input->setHints(tr("Describe the video you want…"),
                      tr("Describe the video you want… (Enter to send, Shift+Enter for a new line)"));
    m_input->setAccessibleName(tr("Message to the agent"));
    m_input->setAccessibleDescription(tr("Enter sends, Shift+Enter starts a new line."));
    m_status->setAccessibleDescription(tr("What the agent is doing"));
    m_pages->setAccessibleName(tr("Chat"));
    updateStatus();
}

void ChatPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChatPanel::updatePage()
{
    m_pages->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_welcomeScroll)
                                                       : static_cast<QWidget *>(m_view));
}

void ChatPanel::focusInput(const QString &hint)
{
    if (!hint.isEmpty()) {
        m_input->setPlainText(hint);
        m_input->moveCursor(QTextCursor::End);
    }
    m_input->setFocus(Qt::OtherFocusReason);
}

void ChatPanel::submit()
{
    const QString text = m_input->toPlainText();
    if (text.trimmed().isEmpty())
        return;
    if (m_conversation->submit(text))
        m_input->clear();
}

void ChatPanel::updateBusy(bool busy)
{
    m_stop->setVisible(busy);
    m_send->setEnabled(!busy);
    m_stillWorking = false;
    if (busy) {
        m_sinceHeartbeat.start();
        m_clock.start();
    } else {
        m_clock.stop();
        m_pulseLevel = 0;
    }
    updateStatus();
}

void ChatPanel::updateWatching()
{
    const bool watching = m_conversation->isWatching();
    m_stopWaiting->setVisible(watching);
    if (watching)
        m_clock.start();
    else if (!m_conversation->isBusy())
        m_clock.stop();
    updateStatus();
}

void ChatPanel::updateStatus()
{
    if (!m_conversation->isBusy() && m_conversation->isWatching()) {
        const client::TimelineWatch *watch = m_conversation->watch();
        const int next = watch->secondsToNextRead();
        m_status->setText(next > 0
                              ? tr("Waiting to see whether the agent carries on: next look at the timeline "
                                   "in %1 (%2 of %3 looks without a change so far)")
                                    .arg(util::timecode::clock(qint64(next) * 1000))
                                    .arg(watch->quietReads())
                                    .arg(watch->quietLimit())
                              : tr("Looking at the timeline…"));
        m_pulse->clear();
        return;
    }
    if (!m_conversation->isBusy()) {
        m_status->clear();
        m_pulse->clear();
        return;
    }
    const QString activity = m_conversation->status().isEmpty() ? tr("thinking") : m_conversation->status();
    QString text;
    if (m_stillWorking)
        text = tr("Still working… %1 — %2").arg(util::timecode::clock(m_conversation->elapsedMs()), activity);
    else
        text = tr("Working… %1 — %2").arg(util::timecode::clock(m_conversation->elapsedMs()), activity);
    if (m_sinceHeartbeat.isValid() && m_sinceHeartbeat.elapsed() > 5000)
        text += QLatin1Char(' ') +
            tr("(last heard from the agent %1 s ago)").arg(m_sinceHeartbeat.elapsed() / 1000);
    m_status->setText(text);
    // A dot that lights up with every sign of life from the agent.
    const QColor color = palette().color(QPalette::Highlight);
    m_pulse->setText(QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(color.name(), m_pulseLevel > 0 ? QStringLiteral("●") : QStringLiteral("○")));
}

} // namespace nemo::app
