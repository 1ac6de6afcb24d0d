<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConnectionPage</name>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading wallets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wallet needs a node for the %1 network at %2. Start it (scripts/devnet start) or pick another network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateWalletPage</name>
    <message>
        <source>Create a wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your recovery phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm your phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password encrypts this wallet on this computer. You will need it to unlock and to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write these words down in order and keep them offline. Anyone with them controls the wallet; they are shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the words at these positions to show you saved the phrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long beats clever: four random words or 12+ mixed characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least a strong password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery phrase length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never type these words into a website or share them. Support will never ask for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have written the words down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm and open wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those words do not match the phrase. Check your copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlowFrame</name>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWalletPage</name>
    <message>
        <source>Import a wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring a wallet you already have. Its secret is encrypted on this computer with the password you set here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keystore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 to 24 words separated by spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>word1 word2 word3 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts to derive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>64 hex digits, 0x optional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keystore file (JSON, version 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/path/to/UTC--…json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keystore file password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balances and history only; a watch-only wallet cannot sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a keystore file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keystore files (*.json UTC--*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Computronium Wallet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageRegistry</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance, security and the networks this wallet connects to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved for next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More languages arrive as translations are added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The wallet forgets its keys and asks for the password after this long without a click or key press.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the keys of %1 until you unlock it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 (chain %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint is asked for its chain id before it is saved; it must match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block %L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or import a wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>%1 · ~%2 bits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Welcome back</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Enter the password of %1 to unlock it. It locks again after %n minute(s) without use.</source>
        <translation>
            <numerusform>Enter the password of %1 to unlock it. It locks again after %n minute without use.</numerusform>
            <numerusform>Enter the password of %1 to unlock it. It locks again after %n minutes without use.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or import another wallet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A wallet for Computronium (CTRN) on any EVM network. Your keys stay on this computer, encrypted with your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fresh recovery phrase, shown once for you to write down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery phrase, private key, keystore file or a watch-only address.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ctrn::desktop::AppContext</name>
    <message>
        <source>unknown network &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the app is closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote %1 (%2x%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ctrn::desktop::NetworkModel</name>
    <message>
        <source>Give the network a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network named &apos;%1&apos; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RPC endpoint must be an http:// or https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain id must be a positive whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That node serves chain %1, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ctrn::desktop::OnboardingController</name>
    <message>
        <source>Give the wallet a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use up to 40 letters, digits, &apos;-&apos; or &apos;_&apos; (it names a folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a node; check the network in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ctrn::desktop::PasswordStrength</name>
    <message>
        <source>Very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ctrn::desktop::SessionController</name>
    <message>
        <source>Wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ctrn::desktop::Worker</name>
    <message>
        <source>not connected to a node</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
