<?php
// ChainTill webhook signature verifier for PHP 7.3+, no extensions beyond the always-on hash/json.
// Spec: webhooks/SIGNATURES.md.
//
//   $raw = file_get_contents('php://input');                  // the RAW body, before json_decode
//   ChainTillWebhookVerifier::verify($secret, $raw, $_SERVER['HTTP_CHAINTILL_SIGNATURE'] ?? null);
//   $event = json_decode($raw, true);                          // parse only after verifying
// Throws UnexpectedValueException when the delivery is not authentic or not fresh.

final class ChainTillWebhookVerifier
{
    const DEFAULT_TOLERANCE_SECONDS = 300;

    /**
     * Verifies "ChainTill-Signature: t=<unix>,v1=<hex>[,v1=...][,vN=...]". Passes if ANY v1 matches
     * (several appear during secret rotation); unknown schemes are ignored.
     */
    public static function verify(string $secret, string $rawBody, ?string $header,
                                  int $toleranceSeconds = self::DEFAULT_TOLERANCE_SECONDS, ?int $now = null): void
    {
        if ($header === null || trim($header) === '') {
            throw new UnexpectedValueException('missing ChainTill-Signature header');
        }
        $t = null;
        $v1 = [];
        foreach (explode(',', $header) as $part) {
            $eq = strpos($part, '=');
            if ($eq === false) {
                continue;
            }
            $key = trim(substr($part, 0, $eq));
            $value = trim(substr($part, $eq + 1));
            if ($key === 't') {
                if ($t !== null) {
                    throw new UnexpectedValueException('more than one t= in ChainTill-Signature');
                }
                $t = $value;
            } elseif ($key === 'v1') {
                $v1[] = $value;
            }
        }
        if ($t === null || !preg_match('/^[0-9]{1,15}$/D', $t)) {
            throw new UnexpectedValueException('ChainTill-Signature has no valid t=');
        }
        if (!$v1) {
            throw new UnexpectedValueException('ChainTill-Signature has no v1= signature');
        }
        // The timestamp digits exactly as received, then ".", then the raw body bytes.
        $expected = self::hmacHex($secret, $t . '.' . $rawBody);
        $matched = false;
        foreach ($v1 as $candidate) {
            $matched = hash_equals($expected, $candidate) || $matched; // constant time, no early exit
        }
        if (!$matched) {
            throw new UnexpectedValueException('ChainTill-Signature does not match (wrong secret or altered body)');
        }
        $age = ($now ?? time()) - (int) $t;
        if (abs($age) > $toleranceSeconds) {
            throw new UnexpectedValueException("ChainTill-Signature timestamp outside tolerance ($age s)");
        }
    }

    /** Verifies the BTCPay-compatible "BTCPay-Sig: sha256=<hex>" header. No replay protection. */
    public static function verifyBtcpaySig(string $secret, string $rawBody, ?string $header): void
    {
        if ($header === null || strncmp($header, 'sha256=', 7) !== 0) {
            throw new UnexpectedValueException('missing or malformed BTCPay-Sig header');
        }
        if (!hash_equals(self::hmacHex($secret, $rawBody), trim(substr($header, 7)))) {
            throw new UnexpectedValueException('BTCPay-Sig does not match (wrong secret or altered body)');
        }
    }

    private static function hmacHex(string $secret, string $data): string
    {
        if ($secret === '') {
            throw new UnexpectedValueException('webhook secret not configured');
        }
        // PHP strings are bytes: the secret must be UTF-8 encoded, as the server uses it.
        return hash_hmac('sha256', $data, $secret);
    }
}
