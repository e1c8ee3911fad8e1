#include "PolicyXmlView.h"

#include "PolicyHighlighter.h"
#include "PolicyTextModel.h"
#include "policy/PolicyExpressionScanner.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>

namespace sluice {

PolicyXmlView::PolicyXmlView(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_problems(new QListWidget(this))
    , m_highlighter(new PolicyHighlighter(m_edit->document()))
{
    m_edit->setObjectName(QStringLiteral("policyXmlEdit"));
    m_edit->setAccessibleName(tr("Policy XML"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Undo is the document's: every change of the text is a command on its stack.
    m_edit->setUndoRedoEnabled(false);
    m_problems->setObjectName(QStringLiteral("policyXmlProblems"));
    m_problems->setAccessibleName(tr("Problems of this policy"));
    m_problems->setMaximumHeight(120);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_problems);

    // textChanged comes for the highlighter's formats too: only a new text counts.
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_updating)
            return;
        const QString text = m_edit->toPlainText();
        if (text == m_text)
            return;
        m_text = text;
        // The editor holds LF only: a file written with CRLF keeps its line ends.
        Q_EMIT textEdited(m_crlf ? QString(text).replace(QLatin1Char('\n'), QLatin1String("\r\n")) : text);
    });
    connect(m_problems, &QListWidget::itemActivated, this, &PolicyXmlView::activate);
    m_edit->installEventFilter(this);
}

bool PolicyXmlView::eventFilter(QObject *watched, QEvent *event)
{
    // The editor would take Undo and Redo for itself (and do nothing): leave
    // them to the window's actions on the document's stack.
    if (watched == m_edit && event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PolicyXmlView::setModel(const PolicyTextModel &model)
{
    const QScopedValueRollback<bool> updating(m_updating, true);
    const QString &text = model.text();
    m_crlf = text.contains(QLatin1String("\r\n"));
    m_text = m_crlf ? QString(text).replace(QLatin1String("\r\n"), QLatin1String("\n")) : text;
    if (m_edit->toPlainText() != m_text)
        m_edit->setPlainText(m_text);
    // Offsets in the model's text, less the CRs before them: offsets in the editor's.
    std::vector<qsizetype> crsBefore;
    if (m_crlf) {
        crsBefore.resize(static_cast<size_t>(text.size()) + 1, 0);
        for (qsizetype i = 0; i < text.size(); ++i)
            crsBefore[size_t(i) + 1] = crsBefore[size_t(i)] + (text.at(i) == QLatin1Char('\r') ? 1 : 0);
    }
    const auto editorOffset = [&](qsizetype offset) {
        return crsBefore.empty() ? offset : offset - crsBefore[size_t(std::clamp<qsizetype>(offset, 0, text.size()))];
    };
    std::vector<std::pair<qsizetype, qsizetype>> spans;
    for (const PolicyExpression &e : PolicyExpressionScanner::scan(text, QString()).expressions)
        spans.emplace_back(editorOffset(e.begin), editorOffset(e.end));
    m_highlighter->setExpressionSpans(std::move(spans));
    markProblems(model);
}

int PolicyXmlView::positionOf(int line, int column) const
{
    const QTextBlock block = m_edit->document()->findBlockByNumber(std::max(line, 1) - 1);
    if (!block.isValid())
        return 0;
    return block.position() + std::clamp(column - 1, 0, std::max(block.length() - 1, 0));
}

void PolicyXmlView::markProblems(const PolicyTextModel &model)
{
    m_problems->clear();
    QList<QTextEdit::ExtraSelection> markers;
    for (const Diagnostic &d : model.diagnostics()) {
        const bool error = d.severity == Diagnostic::Severity::Error;
        auto *item = new QListWidgetItem(
            error ? tr("%1:%2: error: %3").arg(d.location.line).arg(d.location.column).arg(d.message)
                  : tr("%1:%2: warning: %3").arg(d.location.line).arg(d.location.column).arg(d.message),
            m_problems);
        item->setData(Qt::UserRole, d.location.line);
        item->setData(Qt::UserRole + 1, d.location.column);
        if (d.location.line <= 0)
            continue;
        QTextEdit::ExtraSelection marker;
        marker.cursor = QTextCursor(m_edit->document());
        marker.cursor.setPosition(positionOf(d.location.line, d.location.column));
        marker.cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
        if (!marker.cursor.hasSelection())
            marker.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        marker.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        marker.format.setUnderlineColor(error ? Qt::red : QColor(0xe0, 0x90, 0x00));
        marker.format.setToolTip(d.message);
        markers.append(marker);
    }
    m_edit->setExtraSelections(markers);
    m_problems->setVisible(m_problems->count() > 0);
}

void PolicyXmlView::goTo(int line, int column)
{
    QTextCursor cursor(m_edit->document());
    cursor.setPosition(positionOf(line, column));
    m_edit->setTextCursor(cursor);
    m_edit->centerCursor();
    m_edit->setFocus();
}

void PolicyXmlView::activate(QListWidgetItem *item)
{
    goTo(item->data(Qt::UserRole).toInt(), item->data(Qt::UserRole + 1).toInt());
}

} // namespace sluice
