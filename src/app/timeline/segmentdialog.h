#pragma once

#include "edit/clip.h"

#include <QDialog>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace nemo::app {

// A segment's words and length (a title), or its volume and fades (a clip or music), edited by hand.
// Opened with open(); the timeline panel turns what was chosen into an edit.
class SegmentDialog : public QDialog
{
    Q_OBJECT
public:
    SegmentDialog(const edit::Clip &clip, bool isTitle, int fps, QWidget *parent = nullptr);

    QString key() const { return m_key; }
    bool isTitle() const { return m_title; }
    QString text() const;
    // Frames; -1 when what was typed is not a time.
    qint64 duration() const;
    double volume() const;
    qint64 fadeIn() const;
    qint64 fadeOut() const;

    QLineEdit *textEdit() const { return m_text; }
    QLineEdit *durationEdit() const { return m_duration; }
    QSpinBox *volumeBox() const { return m_volume; }

private:
    void check();

    QString m_key;
    bool m_title;
    int m_fps;
    QLineEdit *m_text = nullptr;
    QLineEdit *m_duration = nullptr;
    QSpinBox *m_volume = nullptr;
    QDoubleSpinBox *m_fadeIn = nullptr;
    QDoubleSpinBox *m_fadeOut = nullptr;
    QLabel *m_problem;
};

} // namespace nemo::app
