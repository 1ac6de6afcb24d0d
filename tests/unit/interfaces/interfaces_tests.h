// The core/interfaces test classes, run by tst_interfaces_main.cpp.
#pragma once

#include <QObject>
#include <QtTest>

#include <memory>

std::unique_ptr<QObject> makeInterfacesTests();
std::unique_ptr<QObject> makeWalletPagesTests();
std::unique_ptr<QObject> makeActionsTests();
