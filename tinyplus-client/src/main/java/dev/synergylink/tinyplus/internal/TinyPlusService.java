package dev.synergylink.tinyplus.internal;

import java.util.Map;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;

/**
 * The tiny+ endpoints. {@code resource} is one of {@code projects}, {@code companies}, {@code contacts},
 * {@code team_members}, {@code project_phases}, {@code project_types}. Bodies are read and written by
 * {@link JsonTree}, so that absent and null members and exact numbers survive.
 */
interface TinyPlusService {
  String AUTHORIZATION = "Authorization";

  @GET("account")
  Call<ResponseBody> account(@Header(AUTHORIZATION) String token);

  @GET("me")
  Call<ResponseBody> me(@Header(AUTHORIZATION) String token);

  @GET("{resource}")
  Call<ResponseBody> list(
      @Header(AUTHORIZATION) String token,
      @Path("resource") String resource,
      @QueryMap Map<String, String> query);

  @GET("{resource}/{id}")
  Call<ResponseBody> get(
      @Header(AUTHORIZATION) String token,
      @Path("resource") String resource,
      @Path("id") long id,
      @QueryMap Map<String, String> query);

  @POST("{resource}")
  Call<ResponseBody> create(
      @Header(AUTHORIZATION) String token, @Path("resource") String resource, @Body RequestBody body);

  @PATCH("{resource}/{id}")
  Call<ResponseBody> patch(
      @Header(AUTHORIZATION) String token,
      @Path("resource") String resource,
      @Path("id") long id,
      @Body RequestBody body);

  @DELETE("{resource}/{id}")
  Call<ResponseBody> delete(
      @Header(AUTHORIZATION) String token, @Path("resource") String resource, @Path("id") long id);
}
