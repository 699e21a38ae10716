export class Reply {
  status(_code: number): Reply {
    return this;
  }
  json(_body: unknown, _status?: number): Reply {
    return this;
  }
}
