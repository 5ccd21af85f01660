// Builds the task pane (src/taskpane/index.tsx) into dist/, with dist/manifest.xml pointing at ADDIN_URL.
//   npm run build        production build; ADDIN_URL=https://intranet.example/budget-eval/ npm run build
//   npm run dev-server   https://localhost:3000 with the office-addin-dev-certs certificate
//   npm run serve        dist/ as static files (scripts/serve.js): https://localhost:3000 and http://localhost:3001
// The certificate files are read only when the dev server runs, so a build (and CI) needs none.
'use strict';

const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { addinUrlFromEnv, rewriteManifestUrls } = require('./scripts/manifest-url');
const { devCertPaths, missingDevCertFiles } = require('./scripts/dev-cert-paths');
const { contentSecurityPolicy, securityHeaders } = require('./scripts/security-headers');

const DEV_SERVER_PORT = 3000;

/** Stops the build with a message for a person (no stack trace). */
function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/**
 * The dev server's https options, read straight from the certificate files (office-addin-dev-certs'
 * getHttpsServerOptions() would try to install its CA first, which needs sudo on Linux).
 */
function devHttpsOptions() {
  const files = devCertPaths();
  const missing = missingDevCertFiles(files);
  if (missing.length > 0) {
    fail(
      [
        `The dev server needs the localhost certificate; missing: ${missing.join(', ')}.`,
        'Create it once:',
        '  Windows / macOS:  npx office-addin-dev-certs install   (creates it and trusts its CA for your user; Excel needs that)',
        '  Linux, no sudo:   npm run dev-certs                    (creates the files only; trust ca.crt yourself where needed)',
      ].join('\n'),
    );
  }
  return { ca: fs.readFileSync(files.ca), cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) };
}

/**
 * Fails the build if exceljs or docx lands in a chunk the pane loads at start: inside Excel the pane needs
 * exceljs only for the template fallback, and in a browser only once a file is opened (the .xlsx gateway's
 * fileHost); docx only when the clerk exports the Word document. Both must stay behind a dynamic import().
 */
class KeepOutOfInitialChunks {
  constructor(packages) {
    this.packages = packages;
  }
  apply(compiler) {
    compiler.hooks.afterCompile.tap('KeepOutOfInitialChunks', (compilation) => {
      for (const chunk of compilation.chunks) {
        if (!chunk.canBeInitial()) continue;
        for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          // A concatenated module holds several: look at each.
          for (const inner of module.modules || [module]) {
            const resource = (inner.resource || '').split(path.sep).join('/');
            const hit = this.packages.find((name) => resource.includes(`/node_modules/${name}/`));
            if (hit) {
              compilation.errors.push(
                new Error(`${hit} is in the initial chunk "${chunk.name || chunk.id}" (${resource}); load it with import().`),
              );
            }
          }
        }
      }
    });
  }
}

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  let addinUrl = '';
  try {
    addinUrl = addinUrlFromEnv(process.env);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  return {
    mode: production ? 'production' : 'development',
    target: 'web',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash].js' : '[name].js',
      // Relative to the page, so dist/ works under any ADDIN_URL path.
      publicPath: 'auto',
      clean: true,
    },
    // No eval-based source maps in development: the page's Content-Security-Policy forbids eval.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // ExcelJS's Node-only writer modules, which the .xlsx adapter uses in the command (leanWrite); the page bundles
      // ExcelJS's browser build, which has its own copy (src/gateways/xlsx/excelAdapter.ts, leanXmlWriter).
      alias: { 'exceljs/lib': false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // Type-check only what the pane bundles (tsconfig.json also covers tests, scripts, bench).
              onlyCompileBundledFiles: true,
              compilerOptions: {
                // ES modules for webpack: with tsconfig's commonjs, import() would become require() and
                // every lazily loaded module (exceljs) would land in the main chunk.
                module: 'es2020',
                noEmit: false,
                sourceMap: true,
              },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          // What the pane loads at start from node_modules (React, Fluent UI): one long-cached file.
          // `initial` keeps modules reached only through import() (exceljs) in their own async chunks.
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendors',
            chunks: 'initial',
            enforce: true,
          },
          // exceljs (~1 MB), loaded only through import(): its own file, cached apart from the code that loads it.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            priority: 10,
            enforce: true,
          },
          // A package that several lazily loaded chunks use (jszip): once, in a chunk of its own.
          sharedAsync: {
            test: /[\\/]node_modules[\\/]/,
            chunks: 'async',
            minChunks: 2,
            reuseExistingChunk: true,
            enforce: true,
          },
        },
      },
    },
    performance: {
      // The pane is served from the office's own server (or localhost), not over the internet; warn only
      // past sizes that would slow a first open on a slow office network. exceljs (async) is ~1 MB alone.
      hints: production ? 'warning' : false,
      maxEntrypointSize: 1.5 * 1024 * 1024,
      maxAssetSize: 1.5 * 1024 * 1024,
      assetFilter: (file) => file.endsWith('.js'),
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        // The meta tag's policy (the template writes it first in <head>).
        contentSecurityPolicy: contentSecurityPolicy({ header: false }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/template.xlsx', to: 'assets/[name][ext]' },
          { from: 'assets/sample-2021.xlsx', to: 'assets/[name][ext]' },
          // ES5, loaded as it is by taskpane.html (old Excel's web views cannot run the bundle).
          { from: 'src/taskpane/old-excel.js', to: '[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifestUrls(content.toString('utf8'), addinUrl),
          },
        ],
      }),
      new KeepOutOfInitialChunks(['exceljs', 'docx']),
    ],
    devServer: serving
      ? {
          port: DEV_SERVER_PORT,
          server: { type: 'https', options: devHttpsOptions() },
          // The same Content-Security-Policy and headers as npm run serve.
          headers: { 'Access-Control-Allow-Origin': '*', ...securityHeaders() },
          static: false,
          hot: true,
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
};
