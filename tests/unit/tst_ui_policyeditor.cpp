// The Policies page: the form <-> XML round trip of every caching policy,
// edits that change nothing outside the edited element, undo and redo of form
// edits and reorders, expression errors with their position, the scope tree
// and the effective policy of the sample workspace, the shared corpus loaded
// without a change, and a Problems entry that jumps into the XML view.

#include "CachingPolicyForm.h"
#include "EffectivePolicyView.h"
#include "ExpressionCheck.h"
#include "ExpressionField.h"
#include "MainWindow.h"
#include "PoliciesPage.h"
#include "PolicyFormView.h"
#include "PolicyTextModel.h"
#include "PolicyXmlView.h"
#include "TestWorkspace.h"
#include "WidgetTestSupport.h"
#include "WorkspaceDocument.h"
#include "policy/PolicyParser.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace sluice;
using sluice::test::childNamed;

namespace {

const QString mockPolicy = QStringLiteral("policies/apis/mock.xml");

// A policy with everything a form edit must leave alone around the step at
// inbound[1] or outbound[1].
QString policyAround(const QString &inboundStep, const QString &outboundStep)
{
    return QStringLiteral("<!-- keep: comments, \t odd  spacing, unknown elements -->\n"
                          "<policies>\n"
                          "  <inbound>\n"
                          "\t<base />\n"
                          "    %1\n"
                          "      <!-- between -->\n"
                          "    <my-custom-element z=\"1\" a=\"2\"><![CDATA[ <raw> ]]></my-custom-element>\n"
                          "  </inbound>\n"
                          "  <backend>   <base/>   </backend>\n"
                          "  <outbound>\n"
                          "    <base />\n"
                          "    %2\n"
                          "  </outbound>\n"
                          "  <on-error>\n"
                          "    <set-variable name=\"e\" value=\"@(context.LastError.Message + &quot;!&quot;)\" />\n"
                          "  </on-error>\n"
                          "</policies>\n")
        .arg(inboundStep, outboundStep);
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

PolicySection sectionOf(const QString &policy)
{
    return policy == QLatin1String("cache-store") ? PolicySection::Outbound : PolicySection::Inbound;
}

// The one element of a snippet.
PolicyElement elementOf(const QString &text)
{
    const PolicyDocumentResult parsed = PolicyParser::parseSnippet(text, QStringLiteral("step"));
    if (!parsed.ok() || parsed.document->fragment.size() != 1)
        qFatal("not one element: %s", qPrintable(text));
    return parsed.document->fragment.front();
}

} // namespace

class TestPolicyEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void scopeTreeListsTheSampleScopes();
    void formToXml_data();
    void formToXml();
    void xmlToForm();
    void unknownContentSurvivesFormEdits();
    void typingKeepsCrlfLineEnds();
    void addRemoveAndReorderSteps();
    void undoRedoOfFormEditsAndReorders();
    void scopeWithoutFileIsCreatedByTheFirstEdit();
    void expressionErrorPositions_data();
    void expressionErrorPositions();
    void expressionFieldShowsTheError();
    void effectivePolicyLabelsStepsByScope();
    void corpusLoadsUnchanged();
    void parseErrorsAreMarked();
    void problemsPanelJumpsToTheLocation();

private:
    // Writes `text` as the mock API's policy, reopens, and shows it.
    void showMockPolicy(const QString &text);
    QString mockText() const { return QString::fromUtf8(m_document->policyText(mockPolicy)); }
    template<typename T> T *field(const char *prefix, const QString &name) const
    {
        T *w = m_page->findChild<T *>(QLatin1String(prefix) + name);
        if (!w)
            qFatal("no %s%s", prefix, qPrintable(name));
        return w;
    }

    std::unique_ptr<TestWorkspace> m_workspace;
    std::unique_ptr<WorkspaceDocument> m_document;
    std::unique_ptr<PoliciesPage> m_page;
};

void TestPolicyEditor::init()
{
    m_workspace = std::make_unique<TestWorkspace>();
    QVERIFY(m_workspace->copyFrom(QStringLiteral(SLUICE_SOURCE_DIR "/resources/sample-workspace")));
    m_document = std::make_unique<WorkspaceDocument>();
    QVERIFY(m_document->open(m_workspace->path()));
    m_page = std::make_unique<PoliciesPage>(m_document.get());
    m_page->resize(1000, 700);
    m_page->show();
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
}

void TestPolicyEditor::cleanup()
{
    m_page.reset();
    m_document.reset();
    m_workspace.reset();
}

void TestPolicyEditor::showMockPolicy(const QString &text)
{
    m_workspace->writePolicy(QStringLiteral("apis/mock.xml"), text.toUtf8());
    QVERIFY(m_document->reload());
    QVERIFY(m_page->selectScope(mockPolicy));
    QCOMPARE(mockText(), text);
    QVERIFY(m_page->model()->isEditable());
}

void TestPolicyEditor::scopeTreeListsTheSampleScopes()
{
    auto *tree = childNamed<QTreeWidget>(m_page.get(), "scopeTree");
    QStringList lines;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        int depth = 0;
        for (QTreeWidgetItem *p = (*it)->parent(); p; p = p->parent())
            ++depth;
        lines << QString(depth * 2, QLatin1Char(' ')) + (*it)->text(0) + QLatin1Char('|') + (*it)->text(1);
    }
    const QStringList expected = {
        QStringLiteral("Global|policies/global.xml"),
        QStringLiteral("Products|"),
        QStringLiteral("  Product starter|none"),
        QStringLiteral("  Product unlimited|none"),
        QStringLiteral("APIs|"),
        QStringLiteral("  API echo|policies/apis/echo.xml"),
        QStringLiteral("    Operation get-item|policies/apis/echo/get-item.xml"),
        QStringLiteral("    Operation list|none"),
        QStringLiteral("    Operation create|none"),
        QStringLiteral("    Operation any|none"),
        QStringLiteral("  API mock|none"),
        QStringLiteral("    Operation hello|policies/apis/mock/hello.xml"),
    };
    QCOMPARE(lines, expected);
    QCOMPARE(m_page->currentScope()->relativePath(), QStringLiteral("policies/global.xml"));
    QVERIFY(m_page->selectScope(QStringLiteral("policies/apis/echo/get-item.xml")));
    QCOMPARE(m_page->model()->stepCount(PolicySection::Inbound), 2);
    QCOMPARE(m_page->model()->step(PolicySection::Inbound, 1).name, QStringLiteral("cache-lookup"));
    QVERIFY(!m_page->selectScope(QStringLiteral("policies/apis/nothing.xml")));
    m_page->showView(PoliciesPage::XmlView);
    QVERIFY(m_page->selectScope(QStringLiteral("policies/apis/echo.xml")));
    QCOMPARE(m_document->undoStack()->count(), 0); // looking is no edit
}

void TestPolicyEditor::formToXml_data()
{
    QTest::addColumn<QString>("policy");
    for (const CachingPolicyForm &form : CachingPolicyForm::all())
        QTest::newRow(qPrintable(form.policy)) << form.policy;
}

// Sets every attribute of the policy through its control (and an expression
// where one is accepted), then the repeated children, and reads the XML.
void TestPolicyEditor::formToXml()
{
    QFETCH(QString, policy);
    const PolicySection section = sectionOf(policy);
    const QString step = CachingPolicyForm::newElementText(policy);
    const QString original = section == PolicySection::Outbound
        ? policyAround(QStringLiteral("<trace source=\"a\" />"), step)
        : policyAround(step, QStringLiteral("<trace source=\"b\" />"));
    showMockPolicy(original);
    const qsizetype at = original.indexOf(step);
    const QString prefix = original.left(at);
    const QString suffix = original.mid(at + step.size());
    auto *form = childNamed<PolicyFormView>(m_page.get(), "policyForm");
    form->selectStep(section, 1);

    QMap<QString, QString> expected;
    const CachingPolicyForm *spec = CachingPolicyForm::find(policy);
    for (const PolicyAttributeSpec &a : spec->attributes) {
        const bool asExpression = a.expressions && !a.required && a.type == PolicyAttributeSpec::Type::Bool;
        switch (a.type) {
        case PolicyAttributeSpec::Type::Bool:
            if (asExpression) {
                field<QToolButton>("exprToggle-", a.name)->setChecked(true);
                auto *edit = field<ExpressionField>("expr-", a.name)->lineEdit();
                edit->setText(QStringLiteral("@(context.Request.Method == \"GET\")"));
                Q_EMIT edit->editingFinished();
                expected[a.name] = edit->text();
            } else {
                field<QCheckBox>("attr-", a.name)->setCheckState(Qt::Checked);
                expected[a.name] = QStringLiteral("true");
            }
            break;
        case PolicyAttributeSpec::Type::Choice: {
            auto *combo = field<QComboBox>("attr-", a.name);
            QCOMPARE(combo->itemText(0),
                     a.defaultValue.isEmpty() ? QStringLiteral("not set")
                                              : QStringLiteral("default: ") + a.defaultValue);
            const int last = combo->count() - 1;
            combo->setCurrentIndex(last);
            Q_EMIT combo->activated(last);
            expected[a.name] = a.choices.last();
            break;
        }
        case PolicyAttributeSpec::Type::Integer: {
            auto *spin = field<QSpinBox>("attr-", a.name);
            spin->setValue(120);
            Q_EMIT spin->editingFinished();
            expected[a.name] = QStringLiteral("120");
            break;
        }
        case PolicyAttributeSpec::Type::Text: {
            auto *edit = field<ExpressionField>("expr-", a.name)->lineEdit();
            edit->setText(a.expressions ? QStringLiteral("@(\"k-\" + context.Request.Url.Path)")
                                        : QStringLiteral("k-") + a.name);
            Q_EMIT edit->editingFinished();
            expected[a.name] = edit->text();
            break;
        }
        }
    }
    QMap<QString, QStringList> children;
    for (const QString &child : spec->repeatedChildren) {
        auto *list = field<QListWidget>("list-", child);
        for (const QString &text : {QStringLiteral("Accept"), QStringLiteral("X-Two")}) {
            field<QPushButton>("add-", child)->click();
            list->item(list->count() - 1)->setText(text + QLatin1Char('-') + child);
            children[child] << text + QLatin1Char('-') + child;
        }
    }

    const QString edited = mockText();
    QVERIFY2(edited.startsWith(prefix) && edited.endsWith(suffix), qPrintable(edited));
    const PolicyElement element = elementOf(edited.mid(prefix.size(), edited.size() - prefix.size() - suffix.size()));
    QCOMPARE(element.name, policy);
    QCOMPARE(static_cast<qsizetype>(element.attributes.size()), expected.size());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(element.attributeText(it.key()), it.value());
    for (auto it = children.cbegin(); it != children.cend(); ++it) {
        QStringList texts;
        for (const PolicyElement *c : element.childrenNamed(it.key()))
            texts << c->text.text;
        QCOMPARE(texts, it.value());
    }
    QVERIFY(!hasErrors(m_page->model()->diagnostics()) || original.contains(QLatin1String("my-custom")));

    // Clearing an optional attribute in the form removes it from the element.
    for (const PolicyAttributeSpec &a : spec->attributes) {
        if (a.type == PolicyAttributeSpec::Type::Choice) {
            auto *combo = field<QComboBox>("attr-", a.name);
            combo->setCurrentIndex(0);
            Q_EMIT combo->activated(0);
            QVERIFY(!m_page->model()->step(section, 1).attribute(a.name));
        }
    }
}

void TestPolicyEditor::xmlToForm()
{
    showMockPolicy(policyAround(QStringLiteral("<base />"), QStringLiteral("<base />")));
    auto *xml = childNamed<PolicyXmlView>(m_page.get(), "policyXml");
    const QString text =
        policyAround(QStringLiteral("<cache-lookup vary-by-developer=\"true\" vary-by-developer-groups=\"false\" "
                                    "caching-type=\"internal\" downstream-caching-type=\"@(context.Request.Headers."
                                    "GetValueOrDefault(\"d\", \"none\"))\" must-revalidate=\"false\">\n"
                                    "      <vary-by-header>Accept</vary-by-header>\n"
                                    "      <vary-by-query-parameter>version</vary-by-query-parameter>\n"
                                    "      <vary-by-header>Accept-Language</vary-by-header>\n"
                                    "    </cache-lookup>"),
                     QStringLiteral("<cache-store duration=\"@(30 * 2)\" cache-response=\"true\" />"));
    xml->editor()->setPlainText(text);
    QCOMPARE(mockText(), text);

    auto *form = childNamed<PolicyFormView>(m_page.get(), "policyForm");
    form->selectStep(PolicySection::Inbound, 1);
    QCOMPARE(field<QCheckBox>("attr-", QStringLiteral("vary-by-developer"))->checkState(), Qt::Checked);
    QCOMPARE(field<QCheckBox>("attr-", QStringLiteral("vary-by-developer-groups"))->checkState(), Qt::Unchecked);
    QCOMPARE(field<QCheckBox>("attr-", QStringLiteral("must-revalidate"))->checkState(), Qt::Unchecked);
    QCOMPARE(field<QCheckBox>("attr-", QStringLiteral("allow-private-response-caching"))->checkState(),
             Qt::PartiallyChecked);
    QCOMPARE(field<QCheckBox>("attr-", QStringLiteral("allow-private-response-caching"))->text(),
             QStringLiteral("not set (default: false)"));
    QCOMPARE(field<QComboBox>("attr-", QStringLiteral("caching-type"))->currentData().toString(),
             QStringLiteral("internal"));
    QVERIFY(field<QToolButton>("exprToggle-", QStringLiteral("downstream-caching-type"))->isChecked());
    QCOMPARE(field<ExpressionField>("expr-", QStringLiteral("downstream-caching-type"))->value(),
             QStringLiteral("@(context.Request.Headers.GetValueOrDefault(\"d\", \"none\"))"));
    auto *headers = field<QListWidget>("list-", QStringLiteral("vary-by-header"));
    QCOMPARE(headers->count(), 2);
    QCOMPARE(headers->item(1)->text(), QStringLiteral("Accept-Language"));
    QCOMPARE(field<QListWidget>("list-", QStringLiteral("vary-by-query-parameter"))->item(0)->text(),
             QStringLiteral("version"));

    form->selectStep(PolicySection::Outbound, 1);
    QVERIFY(field<QToolButton>("exprToggle-", QStringLiteral("duration"))->isChecked());
    QCOMPARE(field<ExpressionField>("expr-", QStringLiteral("duration"))->value(), QStringLiteral("@(30 * 2)"));
    QCOMPARE(field<QCheckBox>("attr-", QStringLiteral("cache-response"))->checkState(), Qt::Checked);

    // Removing one vary-by-header in the form keeps the other children as written.
    form->selectStep(PolicySection::Inbound, 1);
    headers = field<QListWidget>("list-", QStringLiteral("vary-by-header"));
    headers->setCurrentRow(0);
    field<QPushButton>("remove-", QStringLiteral("vary-by-header"))->click();
    QString expected = text;
    expected.remove(QStringLiteral("\n      <vary-by-header>Accept</vary-by-header>"));
    QCOMPARE(mockText(), expected);
}

void TestPolicyEditor::typingKeepsCrlfLineEnds()
{
    QString crlf = policyAround(QStringLiteral("<base />"), QStringLiteral("<base />"));
    crlf.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    QVERIFY(crlf.contains(QLatin1String("\r\n")));
    showMockPolicy(crlf);
    auto *xml = childNamed<PolicyXmlView>(m_page.get(), "policyXml");
    QVERIFY(!xml->editor()->toPlainText().contains(QLatin1Char('\r')));
    QTextCursor cursor(xml->editor()->document());
    cursor.movePosition(QTextCursor::End);
    xml->editor()->setTextCursor(cursor);
    QTest::keyClicks(xml->editor(), QStringLiteral("<!-- x -->"));
    // Every line still ends in CRLF, and only the typed text was added.
    QCOMPARE(mockText(), crlf + QStringLiteral("<!-- x -->"));
}

void TestPolicyEditor::unknownContentSurvivesFormEdits()
{
    const QString step = QStringLiteral("<cache-store   duration='10'\n      cache-response=\"false\"/>");
    const QString original = policyAround(QStringLiteral("<trace source=\"x\" />"), step);
    showMockPolicy(original);

    // The model alone: only the edited attribute's value changes.
    const PolicyTextModel model(original, mockPolicy, false);
    QVERIFY(model.isEditable());
    QCOMPARE(model.stepText(PolicySection::Outbound, 1), step);
    QString expected = original;
    expected.replace(QStringLiteral("duration='10'"), QStringLiteral("duration='20'"));
    QCOMPARE(*model.withAttribute(PolicySection::Outbound, 1, QStringLiteral("duration"), QStringLiteral("20")),
             expected);
    // A value with quotes is escaped for its quote; an expression stays raw.
    QVERIFY(model.withAttribute(PolicySection::Inbound, 1, QStringLiteral("source"), QStringLiteral("a\"b&c"))
                ->contains(QStringLiteral("<trace source=\"a&quot;b&amp;c\" />")));
    QVERIFY(model.withAttribute(PolicySection::Inbound, 1, QStringLiteral("source"), QStringLiteral("@(\"a\" + 1)"))
                ->contains(QStringLiteral("<trace source=\"@(\"a\" + 1)\" />")));

    // Through the form.
    auto *form = childNamed<PolicyFormView>(m_page.get(), "policyForm");
    form->selectStep(PolicySection::Outbound, 1);
    auto *spin = field<QSpinBox>("attr-", QStringLiteral("duration"));
    QCOMPARE(spin->value(), 10);
    spin->setValue(20);
    Q_EMIT spin->editingFinished();
    QCOMPARE(mockText(), expected);
    field<QCheckBox>("attr-", QStringLiteral("cache-response"))->setCheckState(Qt::PartiallyChecked);
    expected.replace(QStringLiteral("\n      cache-response=\"false\""), QString());
    QCOMPARE(mockText(), expected);
    // Other steps show their element as read-only XML.
    form->selectStep(PolicySection::Inbound, 2);
    auto *stepXml = childNamed<QPlainTextEdit>(m_page.get(), "stepXml");
    QVERIFY(stepXml->isReadOnly());
    QCOMPARE(stepXml->toPlainText(),
             QStringLiteral("<my-custom-element z=\"1\" a=\"2\"><![CDATA[ <raw> ]]></my-custom-element>"));
}

void TestPolicyEditor::addRemoveAndReorderSteps()
{
    const QString original =
        policyAround(QStringLiteral("<trace source=\"x\" />"), QStringLiteral("<trace source=\"y\" />"));
    showMockPolicy(original);
    auto *form = childNamed<PolicyFormView>(m_page.get(), "policyForm");

    form->selectStep(PolicySection::Inbound, 0);
    form->addStep(QStringLiteral("cache-lookup-value"));
    QString expected = original;
    expected.replace(QStringLiteral("\t<base />\n"),
                     QStringLiteral("\t<base />\n    <cache-lookup-value key=\"\" variable-name=\"\" />\n"));
    QCOMPARE(mockText(), expected);
    QCOMPARE(form->selectedStep(), std::make_pair(PolicySection::Inbound, 1));

    form->removeSelected();
    QCOMPARE(mockText(), original);

    // <base /> moves like any step.
    form->selectStep(PolicySection::Outbound, 0);
    form->moveSelected(1);
    expected = original;
    expected.replace(QStringLiteral("    <base />\n    <trace source=\"y\" />"),
                     QStringLiteral("    <trace source=\"y\" />\n    <base />"));
    QCOMPARE(mockText(), expected);
    QCOMPARE(form->selectedStep(), std::make_pair(PolicySection::Outbound, 1));

    // A step into a section without one: <backend>   <base/>   </backend> keeps its layout.
    const PolicyTextModel model(original, mockPolicy, false);
    QCOMPARE(*model.withStepInserted(PolicySection::Backend, 1, QStringLiteral("<forward-request />")),
             QString(original).replace(QStringLiteral("<base/>"), QStringLiteral("<base/>\n    <forward-request />")));
    // A self-closing section opens; a missing one is added in its place.
    const PolicyTextModel compact(QStringLiteral("<policies><inbound/></policies>"), mockPolicy, false);
    QCOMPARE(*compact.withStepInserted(PolicySection::Inbound, 0, QStringLiteral("<x />")),
             QStringLiteral("<policies><inbound>\n    <x />\n</inbound></policies>"));
    const PolicyTextModel partial(QStringLiteral("<policies>\n  <inbound>\n    <base />\n  </inbound>\n</policies>"),
                                  mockPolicy, false);
    QCOMPARE(*partial.withStepInserted(PolicySection::Outbound, 0, QStringLiteral("<x />")),
             QStringLiteral("<policies>\n  <inbound>\n    <base />\n  </inbound>\n  <outbound>\n    <x />\n"
                            "  </outbound>\n</policies>"));
    // The palette offers a policy only where APIM allows it.
    form->selectStep(PolicySection::Outbound, 0);
    QVERIFY(!m_page->findChild<QAction *>(QStringLiteral("palette-cache-lookup"))->isEnabled());
    QVERIFY(m_page->findChild<QAction *>(QStringLiteral("palette-cache-store"))->isEnabled());
}

void TestPolicyEditor::undoRedoOfFormEditsAndReorders()
{
    const QString original = policyAround(QStringLiteral("<cache-lookup vary-by-developer=\"false\" "
                                                         "vary-by-developer-groups=\"false\" />"),
                                          QStringLiteral("<cache-store duration=\"60\" />"));
    showMockPolicy(original);
    QUndoStack *undo = m_document->undoStack();
    auto *form = childNamed<PolicyFormView>(m_page.get(), "policyForm");

    form->selectStep(PolicySection::Inbound, 1);
    field<QCheckBox>("attr-", QStringLiteral("vary-by-developer"))->setCheckState(Qt::Checked);
    const QString afterEdit = mockText();
    QVERIFY(afterEdit.contains(QStringLiteral("vary-by-developer=\"true\"")));

    // Alt+Down on the section's list moves the selected step.
    QListWidget *inbound = form->sectionList(PolicySection::Inbound);
    form->selectStep(PolicySection::Inbound, 0);
    inbound->setFocus();
    QTest::keyClick(inbound, Qt::Key_Down, Qt::AltModifier);
    QTRY_COMPARE(m_page->model()->stepName(PolicySection::Inbound, 1), QStringLiteral("base"));
    const QString afterFirstMove = mockText();
    QTest::keyClick(inbound, Qt::Key_Down, Qt::AltModifier);
    QTRY_COMPARE(m_page->model()->stepName(PolicySection::Inbound, 2), QStringLiteral("base"));
    const QString afterMove = mockText();
    QCOMPARE(undo->count(), 3);
    QVERIFY(m_document->isModified());

    undo->undo();
    QCOMPARE(mockText(), afterFirstMove);
    QCOMPARE(m_page->model()->text(), afterFirstMove);
    undo->undo();
    QCOMPARE(mockText(), afterEdit);
    undo->undo();
    QCOMPARE(mockText(), original);
    form->selectStep(PolicySection::Inbound, 1);
    QCOMPARE(field<QCheckBox>("attr-", QStringLiteral("vary-by-developer"))->checkState(), Qt::Unchecked);
    QVERIFY(!m_document->isModified());
    undo->redo();
    undo->redo();
    undo->redo();
    QCOMPARE(mockText(), afterMove);
    QCOMPARE(childNamed<QPlainTextEdit>(m_page.get(), "policyXmlEdit")->toPlainText(), afterMove);

    // Delete removes the selected step, as one command.
    form->selectStep(PolicySection::Inbound, 0);
    inbound->setFocus();
    QTest::keyClick(inbound, Qt::Key_Delete);
    QTRY_COMPARE(m_page->model()->stepCount(PolicySection::Inbound), 2);
    undo->undo();
    QCOMPARE(mockText(), afterMove);

    // Typing in the XML view is undone as one edit per burst.
    auto *editor = childNamed<QPlainTextEdit>(m_page.get(), "policyXmlEdit");
    m_page->showView(PoliciesPage::XmlView);
    QTextCursor cursor(editor->document());
    cursor.movePosition(QTextCursor::End);
    editor->setTextCursor(cursor);
    QTest::keyClicks(editor, QStringLiteral("<!-- x -->"));
    QCOMPARE(mockText(), afterMove + QStringLiteral("<!-- x -->"));
    // Ctrl+Z in the editor is the window's Undo (as MainWindow's Edit menu has it).
    QAction *undoAction = undo->createUndoAction(m_page.get());
    undoAction->setShortcut(QKeySequence::Undo);
    m_page->addAction(undoAction);
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(mockText(), afterMove);
    QCOMPARE(editor->toPlainText(), afterMove);
}

void TestPolicyEditor::scopeWithoutFileIsCreatedByTheFirstEdit()
{
    QVERIFY(m_page->selectScope(mockPolicy));
    QVERIFY(m_page->model()->isNew());
    QCOMPARE(m_document->policyText(mockPolicy), QByteArray());
    QCOMPARE(m_page->model()->stepCount(PolicySection::Inbound), 1);
    QCOMPARE(m_page->model()->stepName(PolicySection::Backend, 0), QStringLiteral("base"));
    auto *form = childNamed<PolicyFormView>(m_page.get(), "policyForm");
    form->selectStep(PolicySection::Inbound, 0);
    form->addStep(QStringLiteral("rate-limit"));
    QVERIFY(mockText().startsWith(QStringLiteral("<policies>\n    <inbound>\n        <base />\n"
                                                 "        <rate-limit />\n    </inbound>")));
    QVERIFY(!m_page->model()->isNew());
    QString error;
    QVERIFY(m_document->save(&error));
    QCOMPARE(readFile(m_workspace->path() + QStringLiteral("/policies/apis/mock.xml")), mockText());
    m_document->undoStack()->undo();
    QVERIFY(m_page->model()->isNew());

    // The global scope's default is forward-request, as PolicyMerger's.
    const PolicyTextModel global(QString(), QStringLiteral("policies/global.xml"), true);
    QCOMPARE(global.stepCount(PolicySection::Backend), 1);
    QCOMPARE(global.stepName(PolicySection::Backend, 0), QStringLiteral("forward-request"));
    QCOMPARE(*global.withStepInserted(PolicySection::OnError, 0, QStringLiteral("<trace source=\"e\" />")),
             QString(global.text())
                 .replace(QStringLiteral("<on-error>\n    </on-error>"),
                          QStringLiteral("<on-error>\n        <trace source=\"e\" />\n    </on-error>")));
}

void TestPolicyEditor::expressionErrorPositions_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("position");
    QTest::newRow("literal") << QStringLiteral("plain text") << true << -1;
    QTest::newRow("expression") << QStringLiteral("@(context.Request.Method == \"GET\")") << true << -1;
    QTest::newRow("block") << QStringLiteral("@{ var a = 1; return a + 1; }") << true << -1;
    QTest::newRow("missing operand") << QStringLiteral("@(1 + )") << false << 6;
    QTest::newRow("text after") << QStringLiteral("@(1) x") << false << 4;
    QTest::newRow("unclosed") << QStringLiteral("@(context.Request.Method") << false << 0;
    QTest::newRow("unterminated string") << QStringLiteral("@(\"abc)") << false << 2;
}

void TestPolicyEditor::expressionErrorPositions()
{
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QFETCH(int, position);
    const ExpressionCheck check = ExpressionCheck::check(value);
    QCOMPARE(check.ok, ok);
    QCOMPARE(check.position, position);
    QCOMPARE(check.message.isEmpty(), ok);
}

void TestPolicyEditor::expressionFieldShowsTheError()
{
    showMockPolicy(policyAround(QStringLiteral("<cache-lookup-value key=\"k\" variable-name=\"v\" />"),
                                QStringLiteral("<base />")));
    childNamed<PolicyFormView>(m_page.get(), "policyForm")->selectStep(PolicySection::Inbound, 1);
    auto *key = field<ExpressionField>("expr-", QStringLiteral("key"));
    QCOMPARE(key->value(), QStringLiteral("k"));
    key->lineEdit()->clear();
    QTest::keyClicks(key->lineEdit(), QStringLiteral("@(1 + )"));
    QVERIFY(key->hasError());
    QVERIFY(key->errorLabel()->text().startsWith(QStringLiteral("column 7: ")));
    QVERIFY(!key->errorLabel()->isHidden());
    QTest::keyClick(key->lineEdit(), Qt::Key_Backspace);
    QTest::keyClicks(key->lineEdit(), QStringLiteral("2)"));
    QVERIFY(!key->hasError());
    QVERIFY(key->errorLabel()->isHidden());
    // variable-name takes no expression (APIM): the field says so.
    auto *variable = field<ExpressionField>("expr-", QStringLiteral("variable-name"));
    variable->lineEdit()->setText(QStringLiteral("@(1)"));
    QVERIFY(variable->hasError());
}

void TestPolicyEditor::effectivePolicyLabelsStepsByScope()
{
    const auto text = [this](const QString &path) { return m_document->policyText(path); };
    const PolicyScope getItem {PolicyScope::Kind::Operation, {}, QStringLiteral("echo"), QStringLiteral("get-item")};
    QStringList lines;
    for (const EffectiveStep &s : EffectivePolicyView::steps(getItem.chain({}), text))
        lines << policySectionName(s.section) + QLatin1Char(' ') + s.policy + QLatin1Char('|') + s.scope;
    QCOMPARE(lines,
             (QStringList {
                 QStringLiteral("inbound set-header|Global"),
                 QStringLiteral("inbound set-header|API echo"),
                 QStringLiteral("inbound set-query-parameter|API echo"),
                 QStringLiteral("inbound cache-lookup|Operation get-item"),
                 QStringLiteral("backend forward-request|Global"),
                 QStringLiteral("outbound set-header|Global"),
                 QStringLiteral("outbound set-header|API echo"),
                 QStringLiteral("outbound cache-store|Operation get-item"),
             }));

    // A product's steps sit where the API's <base /> is; a scope without a file is <base /> alone.
    m_workspace->writePolicy(QStringLiteral("products/starter.xml"),
                             "<policies><inbound><base /><rate-limit calls=\"5\" renewal-period=\"60\" />"
                             "</inbound></policies>");
    QVERIFY(m_document->reload());
    const PolicyScope list {PolicyScope::Kind::Operation, {}, QStringLiteral("echo"), QStringLiteral("list")};
    lines.clear();
    for (const EffectiveStep &s : EffectivePolicyView::steps(list.chain(QStringLiteral("starter")), text)) {
        if (s.section == PolicySection::Inbound)
            lines << s.policy + QLatin1Char('|') + s.scope;
    }
    QCOMPARE(lines,
             (QStringList {QStringLiteral("set-header|Global"), QStringLiteral("rate-limit|Product starter"),
                           QStringLiteral("set-header|API echo"), QStringLiteral("set-query-parameter|API echo")}));

    // The view, and an edit of a scope in the chain shows at once.
    QVERIFY(m_page->selectScope(QStringLiteral("policies/apis/echo/get-item.xml")));
    auto *tree = childNamed<QTreeWidget>(m_page.get(), "effectiveTree");
    QCOMPARE(tree->topLevelItem(0)->childCount(), 4);
    QCOMPARE(tree->topLevelItem(0)->child(3)->text(1), QStringLiteral("Operation get-item"));
    QCOMPARE(tree->topLevelItem(1)->child(0)->text(1), QStringLiteral("Global"));
    childNamed<PolicyFormView>(m_page.get(), "policyForm")->selectStep(PolicySection::Inbound, 1);
    childNamed<PolicyFormView>(m_page.get(), "policyForm")->removeSelected();
    QCOMPARE(tree->topLevelItem(0)->childCount(), 3);
}

void TestPolicyEditor::corpusLoadsUnchanged()
{
    int files = 0;
    int editable = 0;
    auto *xml = childNamed<PolicyXmlView>(m_page.get(), "policyXml");
    QDirIterator it(QStringLiteral(SLUICE_CORPUS_DIR), {QStringLiteral("*.xml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString text = readFile(path);
        const PolicyTextModel model(text, path, false);
        QCOMPARE(model.text(), text);
        ++files;
        if (!model.isEditable())
            continue;
        ++editable;
        // Every step survives a form edit undone by another: the text is as it was.
        for (int i = 0; i < PolicySectionCount; ++i) {
            const auto section = static_cast<PolicySection>(i);
            for (int step = 0; step < model.stepCount(section); ++step) {
                const QString probed =
                    *model.withAttribute(section, step, QStringLiteral("data-probe"), QStringLiteral("1"));
                const PolicyTextModel withProbe(probed, path, false);
                QVERIFY2(withProbe.isEditable(), qPrintable(path));
                QCOMPARE(withProbe.step(section, step).attributeText(u"data-probe"), QStringLiteral("1"));
                QCOMPARE(*withProbe.withAttribute(section, step, QStringLiteral("data-probe"), QString()), text);
            }
        }
        if (editable % 20 == 1) { // the XML view too, on a sample of the files
            xml->setModel(model);
            QCOMPARE(xml->editor()->toPlainText(), QString(text).remove(QLatin1Char('\r')));
        }
    }
    QVERIFY(files > 250);
    QVERIFY(editable > 150);
}

void TestPolicyEditor::parseErrorsAreMarked()
{
    const QString text = readFile(QStringLiteral(SLUICE_CORPUS_DIR "/docs/set-backend-service-policy__3.xml"));
    QVERIFY(!text.isEmpty());
    showMockPolicy(policyAround(QStringLiteral("<base />"), QStringLiteral("<base />")));
    auto *xml = childNamed<PolicyXmlView>(m_page.get(), "policyXml");
    xml->editor()->setPlainText(text);
    QCOMPARE(mockText(), text);
    QVERIFY(!m_page->model()->isEditable());
    auto *problems = childNamed<QListWidget>(m_page.get(), "policyXmlProblems");
    QCOMPARE(problems->count(), 1);
    QVERIFY(problems->item(0)->text().startsWith(QStringLiteral("3:75: error: ")));
    QCOMPARE(xml->editor()->extraSelections().size(), 1);
    QCOMPARE(xml->editor()->extraSelections().front().cursor.blockNumber(), 2);
    QVERIFY(!childNamed<QLabel>(m_page.get(), "formNote")->isHidden());
    QCOMPARE(childNamed<PolicyFormView>(m_page.get(), "policyForm")->sectionList(PolicySection::Inbound)->count(), 0);
}

void TestPolicyEditor::problemsPanelJumpsToTheLocation()
{
    m_page.reset();
    m_workspace->writePolicy(
        QStringLiteral("apis/mock.xml"),
        "<policies>\n  <inbound>\n    <base />\n    <no-such-policy />\n  </inbound>\n</policies>\n");
    MainWindow window;
    QVERIFY(window.openWorkspace(m_workspace->path()));
    auto *problems = childNamed<QTreeWidget>(&window, "problemsList");
    QTreeWidgetItem *item = nullptr;
    for (int i = 0; i < problems->topLevelItemCount(); ++i) {
        if (problems->topLevelItem(i)->text(1).startsWith(QStringLiteral("policies/apis/mock.xml:4:")))
            item = problems->topLevelItem(i);
    }
    QVERIFY(item);
    Q_EMIT problems->itemActivated(item, 0);
    auto *page = childNamed<PoliciesPage>(&window, "policiesPage");
    QCOMPARE(childNamed<QListWidget>(&window, "navigation")->currentRow(), int(MainWindow::PoliciesPage));
    QCOMPARE(page->currentScope()->relativePath(), mockPolicy);
    QCOMPARE(childNamed<QTabWidget>(page, "policyViews")->currentIndex(), int(PoliciesPage::XmlView));
    const QTextCursor cursor = childNamed<QPlainTextEdit>(page, "policyXmlEdit")->textCursor();
    QCOMPARE(cursor.blockNumber(), 3);
    QCOMPARE(cursor.positionInBlock(), 4);
}

QTEST_MAIN(TestPolicyEditor)
#include "tst_ui_policyeditor.moc"
