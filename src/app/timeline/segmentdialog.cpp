#include "timeline/segmentdialog.h"

#include "util/timecode.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace nemo::app {

namespace timecode = util::timecode;

SegmentDialog::SegmentDialog(const edit::Clip &clip, bool isTitle, int fps, QWidget *parent)
    : QDialog(parent)
    , m_key(clip.key)
    , m_title(isTitle)
    , m_fps(fps)
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("SegmentDialog"));
    auto *form = new QFormLayout;
    if (isTitle) {
        setWindowTitle(tr("Edit Title"));
        m_text = new QLineEdit(clip.values.text, this);
        m_text->setObjectName(QStringLiteral("titleText"));
        m_duration = new QLineEdit(timecode::frames(clip.values.duration, fps), this);
        m_duration->setObjectName(QStringLiteral("titleDuration"));
        m_duration->setToolTip(tr("Minutes:seconds:frames (00:04:00), or seconds (4.5)"));
        form->addRow(tr("&Words:"), m_text);
        form->addRow(tr("&Length:"), m_duration);
        connect(m_text, &QLineEdit::textChanged, this, &SegmentDialog::check);
        connect(m_duration, &QLineEdit::textChanged, this, &SegmentDialog::check);
    } else {
        setWindowTitle(tr("Volume and Fades of %1").arg(clip.label));
        m_volume = new QSpinBox(this);
        m_volume->setObjectName(QStringLiteral("volume"));
        m_volume->setRange(0, 400);
        m_volume->setSuffix(QStringLiteral(" %"));
        m_volume->setValue(clip.values.volume >= 0 ? qRound(clip.values.volume * 100) : 100);
        m_fadeIn = new QDoubleSpinBox(this);
        m_fadeOut = new QDoubleSpinBox(this);
        for (QDoubleSpinBox *box : {m_fadeIn, m_fadeOut}) {
            box->setDecimals(2);
            box->setSingleStep(0.25);
            box->setRange(0, double(clip.values.duration) / fps);
            box->setSuffix(tr(" s"));
        }
        m_fadeIn->setObjectName(QStringLiteral("fadeIn"));
        m_fadeOut->setObjectName(QStringLiteral("fadeOut"));
        m_fadeIn->setValue(double(clip.values.fadeIn) / fps);
        m_fadeOut->setValue(double(clip.values.fadeOut) / fps);
        form->addRow(tr("&Volume:"), m_volume);
        form->addRow(tr("Fade &in:"), m_fadeIn);
        form->addRow(tr("Fade &out:"), m_fadeOut);
        connect(m_fadeIn, &QDoubleSpinBox::valueChanged, this, &SegmentDialog::check);
        connect(m_fadeOut, &QDoubleSpinBox::valueChanged, this, &SegmentDialog::check);
    }
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    check();
}

QString SegmentDialog::text() const
{
    return m_text ? m_text->text().trimmed() : QString();
}

qint64 SegmentDialog::duration() const
{
    qint64 frames = -1;
    if (!m_duration || !timecode::parseFrames(m_duration->text(), m_fps, &frames))
        return -1;
    return frames;
}

double SegmentDialog::volume() const
{
    return m_volume ? m_volume->value() / 100.0 : -1;
}

qint64 SegmentDialog::fadeIn() const
{
    return m_fadeIn ? qint64(std::llround(m_fadeIn->value() * m_fps)) : 0;
}

qint64 SegmentDialog::fadeOut() const
{
    return m_fadeOut ? qint64(std::llround(m_fadeOut->value() * m_fps)) : 0;
}

void SegmentDialog::check()
{
    QString problem;
    if (m_title && text().isEmpty())
        problem = tr("A title needs some words.");
    else if (m_title && duration() < 1)
        problem = tr("Type the length as 00:04:00 (minutes:seconds:frames) or in seconds, such as 4.5.");
    else if (!m_title && m_fadeIn->value() + m_fadeOut->value() > m_fadeIn->maximum() + 1e-6)
        problem = tr("The fades together can't be longer than the segment.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (auto *box = findChild<QDialogButtonBox *>())
        box->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace nemo::app
