#include "agent/guireference.h"

#include <QRegularExpression>

namespace nemo::agent {

namespace {

struct Pattern
{
    GuiAction action;
    QRegularExpression expression;
};

const QList<Pattern> &patterns()
{
    static const auto ci = QRegularExpression::CaseInsensitiveOption;
    static const QList<Pattern> list = {
        {GuiAction::OpenExport,
         QRegularExpression(QStringLiteral("(\\bexport button\\b|\\b(click|press|hit|tap|use)( on)?( the)? "
                                           "[\"'\u201c]?export\\b|导出)"),
                            ci)},
        {GuiAction::ShowTimeline,
         QRegularExpression(QStringLiteral("(\\bpreview\\b[^.!?\\n]{0,30}\\btimeline\\b|\\b(check|see|look "
                                           "at|view)( it)?( in)? the timeline\\b|时间线|预览)"),
                            ci)},
        {GuiAction::RefreshState,
         QRegularExpression(
             QStringLiteral(
                 "(\\bopen( the| your)? [\\w ]{0,20}\\b(panel|tab|editor|project)\\b|\\brefresh\\b|打开)"),
             ci)},
        {GuiAction::ComposeEdit,
         QRegularExpression(QStringLiteral("(\\bdrag\\b|\\bdrop (it|them|the)\\b|拖拽|拖动)"), ci)},
    };
    return list;
}

} // namespace

QList<GuiAction> GuiReference::detect(const QString &text)
{
    QList<std::pair<qsizetype, GuiAction>> found;
    for (const Pattern &pattern : patterns()) {
        const QRegularExpressionMatch match = pattern.expression.match(text);
        if (match.hasMatch())
            found.append({match.capturedStart(), pattern.action});
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<GuiAction> actions;
    for (const auto &[position, action] : found)
        actions.append(action);
    return actions;
}

QString GuiReference::label(GuiAction action)
{
    switch (action) {
    case GuiAction::OpenExport:
        return tr("Open Export");
    case GuiAction::ShowTimeline:
        return tr("Show Timeline");
    case GuiAction::RefreshState:
        return tr("Refresh Timeline");
    case GuiAction::ComposeEdit:
        return tr("Describe the Edit");
    case GuiAction::OpenWebApp:
        return tr("Continue in the Web App");
    case GuiAction::AddMedia:
        return tr("Add Media");
    }
    return {};
}

} // namespace nemo::agent
