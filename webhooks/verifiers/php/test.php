<?php
// Run: php test.php [path/to/fixtures.json]. Checks verify.php against the server-signed fixtures.
require __DIR__ . '/verify.php';

$f = json_decode(file_get_contents($argv[1] ?? __DIR__ . '/../fixtures.json'), true, 512, JSON_THROW_ON_ERROR);
$body = $f['body']; // json_decode yields UTF-8 bytes, exactly what the server signed
$sig = $f['headers']['ChainTill-Signature'];
$btcpay = $f['headers']['BTCPay-Sig'];
$t = $f['t'];
$tampered = str_replace('0.00150000', '0.00150001', $body);
$failures = 0;

function check(string $name, callable $c): void
{
    global $failures;
    try {
        $c();
        echo "ok - $name\n";
    } catch (Throwable $e) {
        $failures++;
        echo "not ok - $name: " . $e->getMessage() . "\n";
    }
}

function rejects(string $name, callable $c): void
{
    global $failures;
    try {
        $c();
        $failures++;
        echo "not ok - rejects $name: it was accepted\n";
    } catch (UnexpectedValueException $e) {
        echo "ok - rejects $name (" . $e->getMessage() . ")\n";
    }
}

check('accepts the server ChainTill-Signature, also at the edges of the window', function () use ($f, $body, $sig, $t) {
    foreach ([$t, $t + 300, $t - 300] as $now) {
        ChainTillWebhookVerifier::verify($f['secret'], $body, $sig, 300, $now);
    }
});
check('accepts the server BTCPay-Sig', function () use ($f, $body, $btcpay) {
    ChainTillWebhookVerifier::verifyBtcpaySig($f['secret'], $body, $btcpay);
});
check('accepts any matching v1 and ignores unknown schemes', function () use ($f, $body, $t) {
    ChainTillWebhookVerifier::verify($f['secret'], $body, $f['rotationHeader'], 300, $t);
    ChainTillWebhookVerifier::verify($f['previousSecret'], $body, $f['rotationHeader'], 300, $t);
});
rejects('tampered body', function () use ($f, $tampered, $sig, $t) {
    ChainTillWebhookVerifier::verify($f['secret'], $tampered, $sig, 300, $t);
});
rejects('tampered body (BTCPay-Sig)', function () use ($f, $tampered, $btcpay) {
    ChainTillWebhookVerifier::verifyBtcpaySig($f['secret'], $tampered, $btcpay);
});
rejects('re-serialized body', function () use ($f, $body, $sig, $t) {
    ChainTillWebhookVerifier::verify($f['secret'], json_encode(json_decode($body)), $sig, 300, $t);
});
rejects('wrong secret', function () use ($f, $body, $sig, $t) {
    ChainTillWebhookVerifier::verify($f['secret'] . 'x', $body, $sig, 300, $t);
});
rejects('wrong secret (BTCPay-Sig)', function () use ($body, $btcpay) {
    ChainTillWebhookVerifier::verifyBtcpaySig('wrong', $body, $btcpay);
});
rejects('stale timestamp', function () use ($f, $body, $sig, $t) {
    ChainTillWebhookVerifier::verify($f['secret'], $body, $sig, 300, $t + 301);
});
rejects('timestamp from the future', function () use ($f, $body, $sig, $t) {
    ChainTillWebhookVerifier::verify($f['secret'], $body, $sig, 300, $t - 301);
});
rejects('stale timestamp with the real clock', function () use ($f, $body, $sig) {
    ChainTillWebhookVerifier::verify($f['secret'], $body, $sig);
});
rejects('timestamp swapped into a valid signature', function () use ($f, $body, $sig, $t) {
    ChainTillWebhookVerifier::verify($f['secret'], $body, str_replace("t=$t", 't=' . ($t + 60), $sig), 300, $t + 60);
});
rejects('only unknown schemes', function () use ($f, $body, $sig, $t) {
    ChainTillWebhookVerifier::verify($f['secret'], $body, str_replace('v1=', 'v2=', $sig), 300, $t);
});
rejects('missing header', function () use ($f, $body, $t) {
    ChainTillWebhookVerifier::verify($f['secret'], $body, null, 300, $t);
});
rejects('malformed header', function () use ($f, $body, $t) {
    ChainTillWebhookVerifier::verify($f['secret'], $body, 'garbage', 300, $t);
});

echo $failures === 0 ? "php: all checks passed\n" : "php: $failures check(s) FAILED\n";
exit($failures === 0 ? 0 : 1);
