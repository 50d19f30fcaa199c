declare module 'pipwerks-scorm-api-wrapper' {
  interface PipwerksScorm {
    version: '1.2' | '2004' | null;
    API: { get(): unknown; find(win: Window): unknown; handle: unknown; isFound: boolean };
  }
  const pipwerks: { SCORM: PipwerksScorm; debug: { isActive: boolean } };
  export default pipwerks;
}
