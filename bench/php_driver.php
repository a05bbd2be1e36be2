<?php
// php_driver.php: PHP SoapClient load generator for scripts/bench.sh (W1).
//   php bench/php_driver.php WSDL ENDPOINT USER_ID KEY SECONDS [START_AT_EPOCH]
// Sends the shared workload (bench/workload.h: 100 Opportunity objects, ids 50-79, Name/Amount/
// Stage) as UPSERT batches with our WSDL, the soap:address overridden by ENDPOINT, and a freshly
// signed AuthenticationHeader per call (HMAC-SHA1 of timestamp + user id). One warm-up call
// (WSDL parsing, connection) is outside the measured window. Prints
//   objects=N seconds=S objects_per_s=X calls=C failed=F cpu_us_per_call=U
// (U: getrusage user + system time of the measured calls, per call)
[$self, $wsdl, $endpoint, $user, $key, $seconds] = array_slice($argv, 0, 6);
$start_at = isset($argv[6]) ? (float)$argv[6] : 0.0;
$ns = 'http://www.marketo.com/mktows/';

$client = new SoapClient($wsdl, [
    'location' => $endpoint,
    'cache_wsdl' => WSDL_CACHE_NONE,
    'keep_alive' => true,
    'exceptions' => true,
    'trace' => false,
]);

$objects = [];
for ($k = 0; $k < 100; $k++) {
    $objects[] = [
        'type' => 'Opportunity',
        'id' => 50 + $k % 30,
        'attribList' => ['attrib' => [
            ['name' => 'Name', 'value' => "Bench opportunity $k"],
            ['name' => 'Amount', 'value' => '1000.00'],
            ['name' => 'Stage', 'value' => 'Prospecting'],
        ]],
    ];
}
$params = ['mObjectList' => ['mObject' => $objects], 'operation' => 'UPSERT'];

function call_once($client, $ns, $user, $key, $params) {
    $ts = gmdate('Y-m-d\TH:i:s') . '+00:00';
    $sig = hash_hmac('sha1', $ts . $user, $key);
    $client->__setSoapHeaders([new SoapHeader($ns, 'AuthenticationHeader', [
        'mktowsUserId' => $user, 'requestSignature' => $sig, 'requestTimestamp' => $ts])]);
    $r = $client->syncMObjects($params);
    $st = $r->result->mObjStatusList->mObjStatus;
    return is_array($st) ? count($st) : 1;
}

if (call_once($client, $ns, $user, $key, $params) != 100) { fwrite(STDERR, "bad warm-up\n"); exit(1); }
if ($start_at > 0) { $d = $start_at - microtime(true); if ($d > 0) usleep((int)($d * 1e6)); }
$cpu = function () { $u = getrusage(); return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6; };
$cpu0 = $cpu();
$t0 = hrtime(true);
$end = $t0 + (int)($seconds * 1e9);
$calls = 0; $failed = 0; $objs = 0;
while (hrtime(true) < $end) {
    try {
        $n = call_once($client, $ns, $user, $key, $params);
        $objs += $n;
        if ($n != 100) $failed++;
    } catch (SoapFault $f) {
        $failed++;
        fwrite(STDERR, "php_driver: " . $f->getMessage() . "\n");
    }
    $calls++;
}
$el = (hrtime(true) - $t0) / 1e9;
$cpu_us = ($cpu() - $cpu0) * 1e6 / max($calls, 1);
printf("objects=%d seconds=%.4f objects_per_s=%.1f calls=%d failed=%d cpu_us_per_call=%.1f\n", $objs, $el, $objs / $el, $calls, $failed, $cpu_us);
exit($failed ? 1 : 0);
