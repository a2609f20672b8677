<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>nemo::app::MainWindow</name>
    <message numerus="yes">
        <source>You&apos;re offline: Nemo Studio can&apos;t reach the NemoVideo service. Your work is kept; trying again in %n s.</source>
        <translation>
            <numerusform>You&apos;re offline: Nemo Studio can&apos;t reach the NemoVideo service. Your work is kept; trying again in %n second.</numerusform>
            <numerusform>You&apos;re offline: Nemo Studio can&apos;t reach the NemoVideo service. Your work is kept; trying again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::app::TimelineView</name>
    <message numerus="yes">
        <source>%1 · %n segment(s)</source>
        <translation>
            <numerusform>%1 · %n segment</numerusform>
            <numerusform>%1 · %n segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nemo::cli::CliApplication</name>
    <message numerus="yes">
        <source>, %n day(s) left on the sign-in</source>
        <translation>
            <numerusform>, %n day left on the sign-in</numerusform>
            <numerusform>, %n days left on the sign-in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uploaded file(s) in this session.</source>
        <translation>
            <numerusform>%n uploaded file in this session.</numerusform>
            <numerusform>%n uploaded files in this session.</numerusform>
        </translation>
    </message>
</context>
</TS>
