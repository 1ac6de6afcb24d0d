# The desktop app's C++ (view models, the shell, the framework), by section.
# qml/CMakeLists.txt compiles them into the QML module's library; a new view
# model is one line in its section here (DESIGN.md layout:
# app/desktop/src/{framework,shell,wallet,staking,governance,marketplace,models,revenue}/).
set(CTRN_DESKTOP_SRC "${CMAKE_CURRENT_LIST_DIR}")
set(CTRN_DESKTOP_SECTIONS framework shell wallet staking revenue)

set(CTRN_DESKTOP_SOURCES
  # framework: what every page's view model stands on — the runner and its
  # two lanes, the async call, the view-model and list-model bases, the
  # Checked presenter, the transaction flow and where outcomes arrive
  framework/job_runner.cpp framework/job_runner.h
  framework/async_call.h
  framework/requests.h
  framework/view_model.h
  framework/query_list_model.cpp framework/query_list_model.h
  framework/checked_value.cpp framework/checked_value.h
  framework/figures.cpp framework/figures.h
  framework/outcome_feed.cpp framework/outcome_feed.h
  framework/actions_access.h
  framework/tx_flow.cpp framework/tx_flow.h
  # shell: composition root, worker, preferences, networks, session, onboarding
  shell/app.cpp shell/app.h
  shell/app_context.cpp shell/app_context.h
  shell/preferences.cpp shell/preferences.h
  shell/network_model.cpp shell/network_model.h
  shell/password_strength.cpp shell/password_strength.h
  shell/onboarding_controller.cpp shell/onboarding_controller.h
  shell/session_controller.cpp shell/session_controller.h
  shell/startup_report.h
  # wallet: accounts, send, receive, history, address book
  wallet/wallet_jobs.cpp wallet/wallet_jobs.h
  wallet/accounts_model.cpp wallet/accounts_model.h
  wallet/send_controller.cpp wallet/send_controller.h
  wallet/receive_controller.cpp wallet/receive_controller.h
  wallet/history_model.cpp wallet/history_model.h
  wallet/address_book_model.cpp wallet/address_book_model.h
  wallet/qr_code_item.cpp wallet/qr_code_item.h
  wallet/balance_verification.cpp wallet/balance_verification.h
  # staking: agents table, my staking (positions, unbonding, rewards) and
  # the stake/unstake/withdraw/claim flows on TxFlow
  staking/agents_arrange.cpp staking/agents_arrange.h
  staking/agents_model.cpp staking/agents_model.h
  staking/my_staking_model.cpp staking/my_staking_model.h
  staking/stake_controller.cpp staking/stake_controller.h
  # revenue: the pool, my share recomputed from proven inputs, and the
  # claim all / finalize / check-in flows on TxFlow
  revenue/revenue_model.cpp revenue/revenue_model.h
  revenue/revenue_controller.cpp revenue/revenue_controller.h)
list(TRANSFORM CTRN_DESKTOP_SOURCES PREPEND "${CTRN_DESKTOP_SRC}/")
