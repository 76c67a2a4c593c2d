import { ArgsError, parseSimulatorArgs } from './parse-args';

function options(argv: string[]) {
  const parsed = parseSimulatorArgs(argv);
  if (parsed.help) throw new Error('unexpected help');
  return parsed.options;
}

describe('parseSimulatorArgs', () => {
  it('has sensible defaults', () => {
    const parsed = options([]);
    expect(parsed).toMatchObject({
      stations: 1,
      ocpp: '1.6',
      url: 'ws://localhost:3000/ocpp/default',
      connectors: 2,
      interval: 10,
      mode: 'demo',
      duration: undefined,
      speed: 1,
      idPrefix: 'SIM',
      tag: 'SIM-TAG',
      progress: 'auto',
      cars: 'catalog',
      dcKw: undefined,
    });
  });

  it("charges the catalog's cars or generic ones, on AC or as DC chargers of a given power", () => {
    expect(options(['--cars', 'generic', '--dc-kw', '150'])).toMatchObject({ cars: 'generic', dcKw: 150 });
    expect(() => options(['--cars', 'fleet'])).toThrow(ArgsError);
    expect(() => options(['--dc-kw', '0'])).toThrow(ArgsError);
  });

  it('reads every option', () => {
    const parsed = options([
      '--stations',
      '10',
      '--ocpp',
      '2.0.1',
      '--url',
      'ws://h:1/ocpp/t1/',
      '--connectors',
      '3',
      '--interval',
      '0.5',
      '--mode',
      'storm',
      '--duration',
      '60',
      '--id-prefix',
      'LOAD',
      '--tag',
      'TAG-1',
      '--password',
      'secret',
      '--speed',
      '60',
      '--storm-every',
      '5',
      '--quiet',
    ]);
    expect(parsed).toMatchObject({
      stations: 10,
      ocpp: '2.0.1',
      url: 'ws://h:1/ocpp/t1',
      connectors: 3,
      interval: 0.5,
      mode: 'storm',
      duration: 60,
      idPrefix: 'LOAD',
      tag: 'TAG-1',
      password: 'secret',
      speed: 60,
      stormEvery: 5,
      progress: false,
    });
  });

  it('speaks OCPP-S 1.6 to the CentralSystemService URL, announcing the station on --soap-host', () => {
    expect(options(['--ocpp', '1.6-soap'])).toMatchObject({
      ocpp: '1.6-soap',
      url: 'http://localhost:3000/ocpp/soap/default/1.6',
      soapHost: '127.0.0.1',
    });
    expect(
      options([
        '--ocpp',
        '1.6-soap',
        '--url',
        'https://csms.example/ocpp/soap/t1/1.6/',
        '--soap-host',
        '10.0.0.5',
      ]),
    ).toMatchObject({ url: 'https://csms.example/ocpp/soap/t1/1.6', soapHost: '10.0.0.5' });
  });

  it('recognises --help', () => {
    expect(parseSimulatorArgs(['--help'])).toEqual({ help: true });
  });

  it.each([
    [['--stations', '0'], /stations/],
    [['--stations', '2.5'], /integer/],
    [['--ocpp', '1.5'], /--ocpp/],
    [['--mode', 'party'], /--mode/],
    [['--url', 'http://x'], /--url/],
    [['--ocpp', '1.6-soap', '--url', 'ws://x/ocpp/default'], /http:\/\//],
    [['--ocpp', '1.6-soap', '--soap-host', 'a b'], /--soap-host/],
    [['--interval', 'soon'], /number/],
    [['--tag', 'A'.repeat(21)], /--tag/],
    [['--unknown'], /Unknown option/],
    [['--url'], /argument/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSimulatorArgs(argv)).toThrow(ArgsError);
    expect(() => parseSimulatorArgs(argv)).toThrow(message);
  });
});
